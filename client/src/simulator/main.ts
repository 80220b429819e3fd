// The simulator page of `capsule dev`: a phone-sized frame running the project being developed, and
// window.capsule, the automation interface tests and developer tools drive it through (DESIGN.md,
// interface 3).
import type { NavigationBar, NavigationMode } from '../runtime/bridge/messages';
import type { BundleManifest } from '../runtime/bridge/manifest';
import { ContainerFrame, loadAheadWhenIdle, retire } from '../host/container-frame';
import { ProgramHost } from '../host/program-host';
import { placeMenuButton } from '../host/menu-button';
import './simulator.css';

interface DevProgram {
  appId: string;
  baseUrl: string;
  manifest: BundleManifest;
  version: string;
}

interface CapsuleAutomation {
  ready: Promise<void>;
  errors: string[];
  route(): string;
  data(): Record<string, unknown>;
  tap(selector: string): Promise<unknown>;
  navigateTo(url: string): Promise<unknown>;
  redirectTo(url: string): Promise<unknown>;
  switchTab(url: string): Promise<unknown>;
  reLaunch(url: string): Promise<unknown>;
  navigateBack(): Promise<unknown>;
  /** Starts the program again in this page, as hot reload does; settles when its first page is ready. */
  restart(): Promise<void>;
  /** Leaves the program running in the background, as WeChat's 切后台: the screen goes blank, onHide runs. */
  background(): void;
  /** Brings it back (WeChat's 热启动) with the scene given, 1001 if none: onShow runs, the screen shows it again. */
  foreground(scene?: number): void;
}

/** The height of the navigation bar (the page's own, drawn by the program, when its navigationStyle is custom). */
const NAVIGATION_BAR_HEIGHT = 44;

let title: HTMLElement | null = null;
let bar: HTMLElement | null = null;
let back: HTMLButtonElement | null = null;
let phone: HTMLElement | null = null;
let screen: HTMLElement | null = null;
let problem: HTMLElement | null = null;

/** The simulator's parts, found once its document is parsed (the script is async and may run before). */
function findParts(): void {
  title = document.querySelector<HTMLElement>('.sim-title');
  bar = document.querySelector<HTMLElement>('.sim-bar');
  back = document.querySelector<HTMLButtonElement>('.sim-back');
  phone = document.querySelector<HTMLElement>('.sim-phone');
  screen = document.querySelector<HTMLElement>('.sim-screen');
  problem = document.querySelector<HTMLElement>('.sim-problem');
  if (bar) {
    bar.style.height = `${NAVIGATION_BAR_HEIGHT}px`;
  }
  const capsule = document.querySelector<HTMLElement>('.sim-bar .capsule-button');
  if (capsule) {
    placeMenuButton(capsule, NAVIGATION_BAR_HEIGHT);
  }
}

/**
 * Shows the page's navigation bar. A page with `navigationStyle: custom` draws its own: it takes the whole phone and
 * only the capsule button stays, floating over it at the top right.
 */
function showBar(navigation: NavigationBar): void {
  if (title) {
    title.textContent = navigation.title;
  }
  phone?.classList.toggle('custom-navigation', navigation.custom);
  if (bar) {
    if (navigation.custom) {
      bar.style.background = 'none';
    } else if (/^#[0-9a-fA-F]{3,8}$/.test(navigation.backgroundColor)) {
      bar.style.background = navigation.backgroundColor;
    }
    bar.style.color = navigation.frontColor === 'white' ? '#fff' : '#000';
    bar.classList.toggle('light-text', navigation.frontColor === 'white');
  }
  if (back) {
    back.hidden = !navigation.canGoBack;
  }
}

function showProblem(message: string): void {
  if (problem) {
    problem.hidden = false;
    problem.textContent = message;
  }
}

interface Launch {
  resolve(): void;
  reject(error: Error): void;
}

const automation: Partial<CapsuleAutomation> = {};
(window as unknown as { capsule: Partial<CapsuleAutomation> }).capsule = automation;
let host: ProgramHost | undefined;
let route = '';
let data: Record<string, unknown> = {};

/** The container written in the page's HTML, loading since the page did. */
function firstContainer(): ContainerFrame {
  const frame = screen?.querySelector('iframe');
  if (frame) {
    return new ContainerFrame(frame);
  }
  const container = new ContainerFrame();
  screen?.appendChild(container.element);
  return container;
}

/**
 * The next container, loaded ahead in a hidden slot beside the screen, so that a restart (hot reload, capsule.restart())
 * only loads the program. An iframe moved would reload, so the slot becomes the screen instead.
 */
let spare: { slot: HTMLElement; container: ContainerFrame } | undefined;

function prepareSpare(): void {
  if (spare || !phone) {
    return;
  }
  // Laid out where the screen is, at its size but unseen: the container's document then has its final viewport when
  // its first page is built, and is not laid out again when the slot becomes the screen.
  const slot = document.createElement('div');
  slot.className = 'sim-slot';
  if (screen) {
    slot.style.top = `${screen.offsetTop}px`;
    slot.style.height = `${screen.offsetHeight}px`;
  }
  const container = new ContainerFrame();
  slot.appendChild(container.element);
  phone.appendChild(slot);
  spare = { slot, container };
}

function nextContainer(): ContainerFrame {
  prepareSpare();
  const next = spare;
  spare = undefined;
  if (!next) {
    return firstContainer();
  }
  if (screen) {
    retire(screen);
  }
  next.slot.className = 'sim-screen';
  next.slot.removeAttribute('style');
  screen = next.slot;
  return next.container;
}

async function fetchProgram(): Promise<DevProgram> {
  const response = await fetch('/dev/program');
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(body.detail ?? `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as DevProgram;
}

/**
 * Starts the project (again): the running program is stopped, a new container loads while the project's
 * current bundle is fetched (its files come from memory or the HTTP cache when unchanged), and the returned
 * promise settles when the first page is ready. Hot reload and `capsule.restart()` both come here.
 */
function launch(container: ContainerFrame): Promise<void> {
  host?.dispose();
  host = undefined;
  route = '';
  data = {};
  const errors: string[] = [];
  let settle: Launch | undefined;
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => undefined);
  Object.assign(automation, { ready, errors });
  const fail = (message: string) => {
    showProblem(message);
    settle?.reject(new Error(message));
  };
  fetchProgram().then(
    (program) => {
      if (problem) {
        problem.hidden = true;
      }
      host = new ProgramHost({
        appId: program.appId,
        userId: 'developer',
        manifest: program.manifest,
        baseUrl: program.baseUrl,
        apiBase: '/dev/api',
        container,
        navigationBarHeight: NAVIGATION_BAR_HEIGHT,
        screen: () => ({ width: phone?.clientWidth ?? 0, height: phone?.clientHeight ?? 0 }),
        options: { path: program.manifest.entryPagePath, query: Object.fromEntries(new URLSearchParams(location.search)), scene: 1001 },
        onNavigationBar: showBar,
        onPageReady: () => {
          settle?.resolve();
          loadAheadWhenIdle(prepareSpare);
        },
        onPageState: (r, d) => {
          route = r;
          data = d;
        },
        onError: (message) => errors.push(message),
        onFatal: (message) => {
          errors.push(message);
          fail(message);
        },
      });
      version = program.version;
    },
    (error: unknown) => {
      container.element.remove();
      fail(error instanceof Error ? error.message : String(error));
    },
  );
  return ready;
}

function current(): ProgramHost {
  if (!host) {
    throw new Error('the program is not running');
  }
  return host;
}

function start(): void {
  findParts();
  const navigate = (mode: NavigationMode) => (url = '') => current().automate({ kind: 'navigate', mode, url });
  Object.assign(automation, {
    route: () => route,
    data: () => data,
    tap: (selector: string) => current().automate({ kind: 'tap', selector }),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: () => navigate('navigateBack')(),
    restart: () => launch(nextContainer()),
    background: () => {
      screen?.style.setProperty('visibility', 'hidden');
      current().background();
    },
    foreground: (scene = 1001) => {
      screen?.style.removeProperty('visibility');
      current().foreground({ scene });
    },
  });
  if (back) {
    back.onclick = () => host?.back();
  }
  void launch(firstContainer());
  watchForChanges();
}

/** The project version running (or last seen failing to compile); hot reload starts the program again when it changes. */
let version: string | undefined;

/** Hot reload: the dev server's version changes when a project file changes; the program starts again in place. */
function watchForChanges(): void {
  const poll = async () => {
    try {
      const response = await fetch('/dev/version', { cache: 'no-store' });
      const latest = response.ok ? await response.text() : version;
      if (version !== undefined && latest !== version) {
        void launch(nextContainer());
      }
      version = latest;
    } catch {
      // The dev server is restarting; try again on the next tick.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
