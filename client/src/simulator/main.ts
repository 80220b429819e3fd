// The simulator page of `capsule dev`: a phone-sized frame running the project being developed, and
// window.capsule, the automation interface tests and developer tools drive it through (DESIGN.md,
// interface 3).
import type { NavigationBar, NavigationMode } from '../runtime/bridge/messages';
import type { BundleManifest } from '../runtime/bridge/manifest';
import { ProgramHost } from '../host/program-host';
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
}

const title = document.querySelector<HTMLElement>('.sim-title');
const bar = document.querySelector<HTMLElement>('.sim-bar');
const back = document.querySelector<HTMLButtonElement>('.sim-back');
const screen = document.querySelector<HTMLElement>('.sim-screen');
const problem = document.querySelector<HTMLElement>('.sim-problem');

function showBar(navigation: NavigationBar): void {
  if (title) {
    title.textContent = navigation.title;
  }
  if (bar) {
    bar.hidden = navigation.custom;
    if (/^#[0-9a-fA-F]{3,8}$/.test(navigation.backgroundColor)) {
      bar.style.background = navigation.backgroundColor;
    }
    bar.style.color = navigation.frontColor === 'white' ? '#fff' : '#000';
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

async function start(): Promise<void> {
  const errors: string[] = [];
  let route = '';
  let data: Record<string, unknown> = {};
  let settle: { resolve(): void; reject(error: Error): void } | undefined;
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => undefined);
  const automation: Partial<CapsuleAutomation> = { ready, errors, route: () => route, data: () => data };
  (window as unknown as { capsule: Partial<CapsuleAutomation> }).capsule = automation;

  let program: DevProgram;
  try {
    const response = await fetch('/dev/program');
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { detail?: string };
      throw new Error(body.detail ?? `${response.status} ${response.statusText}`);
    }
    program = (await response.json()) as DevProgram;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    showProblem(message);
    settle?.reject(new Error(message));
    return;
  }
  const host = new ProgramHost({
    appId: program.appId,
    userId: 'developer',
    manifest: program.manifest,
    baseUrl: program.baseUrl,
    apiBase: '/dev/api',
    options: { path: program.manifest.entryPagePath, query: Object.fromEntries(new URLSearchParams(location.search)), scene: 1001 },
    onNavigationBar: showBar,
    onPageReady: () => settle?.resolve(),
    onPageState: (r, d) => {
      route = r;
      data = d;
    },
    onError: (message) => errors.push(message),
    onFatal: (message) => {
      showProblem(message);
      settle?.reject(new Error(message));
    },
  });
  const navigate = (mode: NavigationMode) => (url = '') => host.automate({ kind: 'navigate', mode, url });
  Object.assign(automation, {
    errors: host.errors,
    tap: (selector: string) => host.automate({ kind: 'tap', selector }),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: () => navigate('navigateBack')(),
  });
  if (back) {
    back.onclick = () => host.back();
  }
  screen?.appendChild(host.frame);
  watchForChanges(program.version);
}

/** Hot reload: the dev server's version changes when a project file changes; the simulator reloads. */
function watchForChanges(version: string): void {
  const poll = async () => {
    try {
      const response = await fetch('/dev/version', { cache: 'no-store' });
      if (response.ok && (await response.text()) !== version) {
        location.reload();
        return;
      }
    } catch {
      // The dev server is restarting; try again on the next tick.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
}

void start();
