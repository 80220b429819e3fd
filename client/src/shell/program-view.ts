import type { NavigationBar } from '../runtime/bridge/messages';
import { ContainerFrame, loadAheadWhenIdle, retire } from '../host/container-frame';
import { ProgramHost } from '../host/program-host';
import { ApiError, request, type LaunchInfo } from './api';
import { shareRunningProgram } from './chats/share-picker';
import { social } from './chats/social-api';
import { isCapsuleLink, openCode } from './codes/links';
import { programQrCode } from './codes/qr-display';
import { scanQr } from './codes/scanner';
import { openSheet } from './discover/sheet';
import { Scene, shelf } from './discover/shelf';
import { h } from './dom';
import { placeMenuButton } from '../host/menu-button';
import { messages } from './i18n';
import { currentUser } from './session';
import './program-view.css';

const t = messages(
  {
    opening: 'Opening…',
    failed: 'This mini program could not run: {error}',
    more: 'More',
    close: 'Close mini program',
    back: 'Back',
    share: 'Share',
    addMine: 'Add to My Mini Programs',
    removeMine: 'Remove from My Mini Programs',
    pin: 'Display on Top',
    unpin: 'Cancel Display on Top',
    homeScreen: 'Add to Home Screen',
    reenter: 'Re-enter',
    about: 'About',
    feedback: 'Feedback',
    cancel: 'Cancel',
    homeScreenHow:
      'Open the install page: your browser offers to install {name} there (an Install button, or its menu’s “Install app” / “Add to Home Screen”; on iPhone: Share, then Add to Home Screen). It then opens straight into {name}.',
    homeScreenOpen: 'Open the install page',
    category: 'Category',
    version: 'Version',
    feedbackPlaceholder: 'What would you like to tell the developer?',
    send: 'Send',
    thanks: 'Thank you. The developer will read it.',
    updateTitle: 'Please update Capsule',
    update: 'Update now',
  },
  {
    opening: '正在打开…',
    failed: '小程序无法运行：{error}',
    more: '更多',
    close: '关闭小程序',
    back: '返回',
    share: '转发',
    addMine: '添加到我的小程序',
    removeMine: '从我的小程序中移除',
    pin: '在聊天中置顶',
    unpin: '取消置顶',
    homeScreen: '添加到桌面',
    reenter: '重新进入小程序',
    about: '关于',
    feedback: '反馈与投诉',
    cancel: '取消',
    homeScreenHow: '打开安装页面：浏览器会在那里提供安装 {name}（“安装”按钮，或浏览器菜单中的“安装应用”/“添加到主屏幕”；iPhone 上：分享 → 添加到主屏幕）。之后可直接打开 {name}。',
    homeScreenOpen: '打开安装页面',
    category: '服务类目',
    version: '版本',
    feedbackPlaceholder: '想对开发者说些什么？',
    send: '提交',
    thanks: '感谢反馈，开发者会看到。',
    updateTitle: '请更新 Capsule',
    update: '立即更新',
  },
);

/** The height of a program's navigation bar (the page's own, drawn by the program, when its navigationStyle is custom). */
const NAVIGATION_BAR_HEIGHT = 48;

/** How many programs stay alive in the background; the least recently used is stopped first. */
export const MAX_LIVE_PROGRAMS = 5;

/** A running program: its view (navigation bar and container) kept in the program layer, shown or hidden. */
interface LiveProgram {
  appId: string;
  /** Whose program it is: after a sign-out and another sign-in, the previous person's programs are stopped. */
  userId: string;
  name: string;
  section: HTMLElement;
  host?: ProgramHost;
  route: string;
  title: string;
  usedAt: number;
  returnTo: string;
  /** Whether the capsule menu offers Share (wx.showShareMenu / hideShareMenu). */
  shareMenu: boolean;
}

const pool = new Map<string, LiveProgram>();
let layer: HTMLElement | undefined;
let returnTo = '#/chats';

// Where ⊙ returns to: the last shell page before the program (a home-screen start has none: Chats).
window.addEventListener('hashchange', (event) => {
  const old = new URL(event.oldURL).hash;
  if (!old.startsWith('#/mp/')) {
    returnTo = old || '#/chats';
  }
});

function programLayer(): HTMLElement {
  if (!layer) {
    layer = h('div', { class: 'program-layer', hidden: '' });
    document.body.append(layer);
  }
  return layer;
}

/**
 * Shows a mini program (`#/mp/<appid>?path=&scene=&shareTicket=`). A program already alive in the background is
 * shown as it was left, unless a page path is given (then it starts again there). Leaving keeps it alive: the view
 * is hidden, never destroyed, because moving or removing an iframe would reload it.
 */
export function renderProgram(root: HTMLElement, appId: string, params: URLSearchParams): () => void {
  root.replaceChildren();
  const path = params.get('path') ?? '';
  const scene = Number(params.get('scene')) || Scene.discoverRecent;
  const shareTicket = params.get('shareTicket') ?? undefined;
  const userId = currentUser().id;
  for (const other of [...pool.values()].filter((p) => p.userId !== userId)) {
    stop(other);
  }
  let live = pool.get(appId);
  if (live && path) {
    stop(live);
    live = undefined;
  }
  // Back to a program kept alive (WeChat's 热启动): App.onShow and the page's onShow, with this entry's scene.
  live?.host?.foreground(shareTicket ? { scene, shareTicket } : { scene });
  live ??= start(appId, path, scene, shareTicket);
  show(live);
  return () => {
    programLayer().hidden = true;
    live.section.hidden = true;
    live.host?.background();
  };
}

function show(live: LiveProgram): void {
  live.usedAt = performance.now();
  live.returnTo = returnTo;
  const container = programLayer();
  for (const other of pool.values()) {
    other.section.hidden = other !== live;
  }
  live.section.hidden = false;
  container.hidden = false;
  document.title = live.title || live.name || 'Capsule';
}

function stop(live: LiveProgram): void {
  live.host?.dispose();
  retire(live.section);
  pool.delete(live.appId);
}

/**
 * A container loaded ahead, in a hidden section of the program layer, once the shell has started and again once a
 * program has been opened: the next one opened (or this one re-entered) only loads its own code. It holds no program and no user's data. An iframe moved
 * would reload, so the section it is in becomes the program's.
 */
let spare: { section: HTMLElement; container: ContainerFrame } | undefined;

function prepareSpare(): void {
  if (spare) {
    return;
  }
  const container = new ContainerFrame();
  const section = h('section', { class: 'program-spare', hidden: '' }, container.element);
  programLayer().append(section);
  spare = { section, container };
}

/** The signed-in shell has started: the mini program runtime is loaded ahead, when the browser is idle. */
export function loadRuntimeAhead(): void {
  loadAheadWhenIdle(prepareSpare);
}

function splitPath(path: string): { page: string; query: Record<string, string> } {
  const [page = '', search = ''] = path.replace(/^\//, '').split('?', 2);
  return { page, query: Object.fromEntries(new URLSearchParams(search)) };
}

function start(appId: string, path: string, scene: number, shareTicket: string | undefined): LiveProgram {
  while (pool.size >= MAX_LIVE_PROGRAMS) {
    const oldest = [...pool.values()].sort((a, b) => a.usedAt - b.usedAt)[0];
    if (!oldest) {
      break;
    }
    stop(oldest);
  }
  const title = h('span', { class: 'nav-title' }, '');
  const back = h('button', { class: 'nav-back', type: 'button', 'aria-label': t('back'), hidden: '' }, '‹');
  const more = h('button', { class: 'capsule-more', type: 'button', 'aria-label': t('more') }, '···');
  const close = h('button', { class: 'capsule-close', type: 'button', 'aria-label': t('close') }, '⊙');
  const capsule = h('span', { class: 'capsule-button' }, more, h('span', { class: 'capsule-divider', 'aria-hidden': 'true' }), close);
  placeMenuButton(capsule, NAVIGATION_BAR_HEIGHT);
  const bar = h('header', { class: 'nav-bar program-bar' }, back, title, capsule);
  bar.style.height = `${NAVIGATION_BAR_HEIGHT}px`;
  const status = h('div', { class: 'program-status', role: 'status' }, t('opening'));
  // The container loaded ahead, or one that loads while the launch request is answered and the bundle fetched.
  const ahead = spare;
  spare = undefined;
  const container = ahead?.container ?? new ContainerFrame();
  const section = ahead?.section ?? h('section', {}, container.element);
  section.className = 'program';
  section.setAttribute('data-appid', appId);
  section.hidden = true;
  section.prepend(bar, status);
  if (!ahead) {
    programLayer().append(section);
  }
  const live: LiveProgram = { appId, userId: currentUser().id, name: '', section, route: '', title: '', usedAt: performance.now(), returnTo, shareMenu: true };
  pool.set(appId, live);

  close.onclick = () => (location.hash = live.returnTo);
  more.onclick = () => openMenu(live);
  const { page, query } = splitPath(path);
  const launchUrl = `/api/programs/${encodeURIComponent(appId)}/launch?${new URLSearchParams({ ...(path ? { path } : {}), scene: String(scene) }).toString()}`;
  request<LaunchInfo>('GET', launchUrl)
    .then((info) => {
      live.name = info.name;
      title.textContent = info.name;
      if (!section.hidden) {
        document.title = info.name;
      }
      const host = new ProgramHost({
        appId,
        userId: live.userId,
        container,
        manifest: info.bundle.manifest,
        baseUrl: info.bundle.baseUrl,
        name: info.name,
        navigationBarHeight: NAVIGATION_BAR_HEIGHT,
        screen: () => ({ width: section.clientWidth, height: section.clientHeight }),
        options: { path: page || info.bundle.manifest.entryPagePath, query, scene, ...(shareTicket ? { shareTicket } : {}) },
        hostApis: { scanCode: (args) => scanCode(appId, args) },
        onShare: (from) => void shareRunningProgram({ host, appId, name: info.name }, from),
        onShareMenu: (shown) => (live.shareMenu = shown),
        getShareInfo: (ticket) => social.shareInfo(appId, ticket).then(({ shareTicket }) => ({ shareTicket })),
        onNavigationBar: (navigation) => {
          live.title = navigation.title || info.name;
          applyBar(section, bar, title, back, navigation, info.name);
          if (!section.hidden) {
            document.title = live.title;
          }
        },
        onPageReady: (route) => {
          loadAheadWhenIdle(prepareSpare);
          status.hidden = true;
          live.route = route;
          section.setAttribute('data-route', route);
        },
        onFatal: (message) => fail(live, status, message),
        onExit: () => (location.hash = live.returnTo),
      });
      live.host = host;
      back.onclick = () => host.back();
    })
    .catch((error: unknown) => {
      container.element.remove();
      if (error instanceof ApiError && error.status === 426) {
        updatePrompt(live, error.message);
      } else {
        fail(live, status, error instanceof Error ? error.message : String(error));
      }
    });
  return live;
}

/** A program that failed is dropped from the pool, so opening it again starts it afresh. */
function fail(live: LiveProgram, status: HTMLElement, message: string): void {
  pool.delete(live.appId);
  status.hidden = false;
  status.classList.add('error');
  status.textContent = t('failed', { error: message });
}

/** The version gate: this shell is older than the platform's minimum, so it asks to be updated instead of opening. */
function updatePrompt(live: LiveProgram, detail: string): void {
  pool.delete(live.appId);
  const update = h('button', { type: 'button', class: 'primary' }, t('update'));
  update.onclick = () => location.reload();
  live.section.replaceChildren(h('div', { class: 'update-prompt', role: 'alertdialog', 'aria-label': t('updateTitle') }, h('h1', {}, t('updateTitle')), h('p', {}, detail), update));
}

/**
 * Shows the page's navigation bar. A page with `navigationStyle: custom` draws its own: it takes the whole area and
 * only the capsule button stays, floating over it at the top right.
 */
function applyBar(section: HTMLElement, bar: HTMLElement, title: HTMLElement, back: HTMLElement, navigation: NavigationBar, name: string): void {
  title.textContent = navigation.title || name;
  section.classList.toggle('custom-navigation', navigation.custom);
  if (navigation.custom) {
    bar.style.background = 'none';
  } else if (/^#[0-9a-fA-F]{3,8}$/.test(navigation.backgroundColor)) {
    bar.style.background = navigation.backgroundColor;
  }
  bar.classList.toggle('light-text', navigation.frontColor === 'white');
  bar.classList.toggle('loading', navigation.loading);
  back.hidden = !navigation.canGoBack;
}

/** wx.scanCode through the shell's scanner: `{result, scanType, charSet, rawData}`, and `path` for this program's own codes. */
async function scanCode(appId: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const scanned = await scanQr({ onlyFromCamera: args['onlyFromCamera'] === true });
  if (!scanned) {
    throw new Error('cancel');
  }
  const bytes = new TextEncoder().encode(scanned.text);
  const answer: Record<string, unknown> = {
    result: scanned.text,
    scanType: 'QR_CODE',
    charSet: 'utf-8',
    rawData: btoa(String.fromCharCode(...bytes)),
  };
  if (isCapsuleLink(scanned.text)) {
    const opened = await openCode(scanned.text).catch(() => undefined);
    if (opened?.kind === 'program' && opened.appId === appId) {
      answer['path'] = opened.path ?? '';
    }
  }
  return answer;
}

function sheetItem(label: string, action: string, onClick: () => void): HTMLButtonElement {
  const item = h('button', { type: 'button', class: 'sheet-item', 'data-action': action }, label);
  item.onclick = onClick;
  return item;
}

/** The capsule button's ··· menu. What is in My Mini Programs and on top is read from the server as it opens. */
function openMenu(live: LiveProgram): void {
  shelf
    .read()
    .catch(() => ({ hasUsedPrograms: true, recent: [], mine: [], pinned: [] }))
    .then((data) => {
      const inMine = data.mine.some((p) => p.appId === live.appId);
      const pinned = data.pinned.some((p) => p.appId === live.appId);
      const act = (action: () => Promise<unknown> | void) => () => {
        close();
        void action();
      };
      const items = [
        live.host && live.shareMenu && sheetItem(t('share'), 'share', act(() => live.host && shareRunningProgram({ host: live.host, appId: live.appId, name: live.name }, 'menu'))),
        sheetItem(inMine ? t('removeMine') : t('addMine'), inMine ? 'remove-mine' : 'add-mine', act(() => (inMine ? shelf.removeFromMine(live.appId) : shelf.addToMine(live.appId)))),
        sheetItem(pinned ? t('unpin') : t('pin'), pinned ? 'unpin' : 'pin', act(() => (pinned ? shelf.unpin(live.appId) : shelf.pin(live.appId)))),
        sheetItem(t('homeScreen'), 'home-screen', act(() => homeScreen(live))),
        sheetItem(t('reenter'), 're-enter', act(() => reenter(live))),
        sheetItem(t('about'), 'about', act(() => about(live))),
        sheetItem(t('feedback'), 'feedback', act(() => feedback(live))),
      ];
      const cancel = sheetItem(t('cancel'), 'cancel', () => close());
      const close = openSheet(t('more'), h('div', { class: 'sheet-items' }, ...items.filter((item): item is HTMLButtonElement => Boolean(item))), cancel);
    });
}

function reenter(live: LiveProgram): void {
  stop(live);
  show(start(live.appId, '', Scene.discoverRecent, undefined));
}

function homeScreen(live: LiveProgram): void {
  openSheet(
    t('homeScreen'),
    h('h2', {}, t('homeScreen')),
    h('p', { class: 'sheet-message' }, t('homeScreenHow', { name: live.name })),
    h('a', { class: 'sheet-item', href: `/home/${encodeURIComponent(live.appId)}`, target: '_blank', rel: 'noopener' }, t('homeScreenOpen')),
  );
}

interface ProgramProfile {
  name: string;
  description: string;
  categoryName: string;
  version: string | null;
}

function about(live: LiveProgram): void {
  const details = h('div', { class: 'about', 'aria-busy': 'true' });
  openSheet(t('about'), details);
  request<ProgramProfile>('GET', `/api/programs/${encodeURIComponent(live.appId)}/profile`)
    .then((profile) =>
      details.replaceChildren(
        h('h2', {}, profile.name),
        h('p', {}, profile.description),
        h('dl', {}, h('dt', {}, t('category')), h('dd', {}, profile.categoryName), h('dt', {}, t('version')), h('dd', {}, profile.version ?? '')),
        programQrCode(live.appId, profile.name),
      ),
    )
    .catch((error: unknown) => details.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, String(error))))
    .finally(() => details.removeAttribute('aria-busy'));
}

function feedback(live: LiveProgram): void {
  const text = h('textarea', { maxlength: '2000', rows: '5', 'aria-label': t('feedback'), placeholder: t('feedbackPlaceholder') });
  const status = h('p', { role: 'status', class: 'muted' });
  const send = h('button', { type: 'button', class: 'primary', 'data-action': 'send' }, t('send'));
  openSheet(t('feedback'), h('div', { class: 'feedback-form' }, h('h2', {}, t('feedback')), text, send, status));
  send.onclick = () => {
    request<void>('POST', `/api/programs/${encodeURIComponent(live.appId)}/feedback`, { text: text.value })
      .then(() => {
        status.textContent = t('thanks');
        text.value = '';
      })
      .catch((error: unknown) => (status.textContent = error instanceof Error ? error.message : String(error)));
  };
  text.focus();
}
