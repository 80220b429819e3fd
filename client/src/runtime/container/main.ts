// The container document: loaded in an iframe with sandbox="allow-scripts" (an opaque origin) and a
// CSP without network. It runs one mini program: the view layer here, the logic layer in a Worker, and
// between them and the host (shell or simulator) every message is checked for where it came from.
import { PageState } from './page-state';
import { watchScreenSize } from './screen-size';
import type { ContainerToHost, ContainerToLogic, Data, HostToContainer, LaunchMessage, LogicToContainer, NavigationBar, PackageCode } from '../bridge/messages';
import { assetUrl, tabPages, type BundleManifest } from '../bridge/manifest';
import { hasCustomTabBar } from '../bridge/custom-tab-bar';
import LogicWorker from '../logic/worker?worker&inline';
import { StyleSheets } from '../view/style-sheets';
import { ViewLayer } from '../view/view-layer';
import type { RenderFunction, ViewInstance } from '../view/instance';
import { runAutomation } from './automation';
import { PullDown } from './pull-down';
import { answerQuery } from './selector-query';
import { surfacesIn } from './canvas-node';
import { canvasImage, canvasPixels, drawCanvas, putCanvasPixels } from './legacy-canvas';
import type { CanvasDrawing } from '../bridge/canvas-actions';
import { Intersections } from './intersection';
import { color } from '../view/builtins/builtin';
import { TabBar } from './tab-bar';
import { Overlay } from './ui';
import { Watchdog } from './watchdog';
import { logicAnswers } from './logic-answers';
import { markLaunch } from '../bridge/launch-marks';
import { AudioPlayers } from './audio-players';
import { controlMedia } from './media-context';
import { imageInfo } from './image-info';
import './container.css';

const CONTAINER_APIS = new Set(['showToast', 'hideToast', 'showLoading', 'hideLoading', 'showModal', 'showActionSheet', 'pageScrollTo', 'startPullDownRefresh', 'stopPullDownRefresh', 'setBackgroundColor', 'vibrateShort', 'vibrateLong']);

function toHost(message: ContainerToHost): void {
  window.parent.postMessage(message, '*');
}

function loadScript(source: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('the view code could not be loaded'));
    document.head.appendChild(script);
  }).finally(() => URL.revokeObjectURL(url));
}

export class Program {
  readonly pages = new Map<number, HTMLElement>();
  readonly pageRoutes = new Map<number, string>();
  private readonly pullDowns = new Map<number, PullDown>();
  readonly view: ViewLayer;
  readonly overlay: Overlay;
  readonly tabBar: TabBar;
  readonly readyWaiters: ((pageId: number) => void)[] = [];
  currentPage = 0;
  automation = false;
  private readonly pageState = new PageState();
  private bar: NavigationBar = { title: '', backgroundColor: '#000000', frontColor: 'white', loading: false, canGoBack: false, custom: false };

  /** Whether the page shown draws its own navigation bar: the host then shows only its capsule button, over the page. */
  get customNavigation(): boolean {
    return this.bar.custom;
  }
  private readonly pending = new Map<number, (message: Extract<HostToContainer, { type: 'package' | 'api-result' }>) => void>();
  private nextCall = 1;
  private readonly tempFiles = new Map<string, Promise<string | undefined>>();
  private readonly pagesElement = document.createElement('main');
  private readonly sheets: StyleSheets;
  private readonly intersections = new Intersections((observer, result) => this.toLogic({ type: 'intersection', observer, result }));
  /** What the logic said before the main package's view code was loaded, answered once it is. */
  private held: LogicToContainer[] | undefined = [];
  /** Whether the first page has been rendered (marked once, for the launch profile). */
  private rendered = false;
  private readonly audio: AudioPlayers;

  constructor(
    readonly manifest: BundleManifest,
    private readonly assetBase: string,
    readonly worker: Worker,
  ) {
    this.pagesElement.className = 'capsule-pages';
    this.sheets = new StyleSheets(manifest);
    const layer = document.createElement('div');
    this.overlay = new Overlay(layer);
    this.tabBar = new TabBar(manifest.tabBar, (pagePath, index, text) => this.selectTab(pagePath, index, text), (path) => assetUrl(manifest, assetBase, '', path));
    document.body.append(this.pagesElement, this.tabBar.element, layer);
    this.view = new ViewLayer(manifest, this.sheets, {
      toLogic: (m) => this.toLogic(m),
      pageReady: (pageId, route) => {
        if (!this.rendered) {
          this.rendered = true;
          markLaunch('first-render');
          requestAnimationFrame(() => setTimeout(() => markLaunch('first-paint')));
        }
        toHost({ type: 'page-ready', route, pageId });
        for (const waiter of this.readyWaiters.splice(0)) {
          waiter(pageId);
        }
      },
      error: (message) => toHost({ type: 'program-error', message }),
      rendered: () => this.reportState(),
      openType: (kind, element) => this.openType(kind, element),
      tempFile: (path) => this.tempFileUrl(path),
      webView: (url) => this.webViewPage(url),
    }, assetBase);
    (window as unknown as Record<string, unknown>)['__capsuleRegisterViews'] = (views: Record<string, RenderFunction>) => this.view.registerViews(views);
    this.worker.addEventListener('message', (event: MessageEvent<LogicToContainer>) => (this.held ? this.held.push(event.data) : this.fromLogic(event.data)));
    this.worker.addEventListener('error', (event) => toHost({ type: 'program-error', message: event.message }));
    this.audio = new AudioPlayers((src) => this.mediaUrl(src), (event) => this.toLogic(event));
  }

  /**
   * Where a media file the logic layer names is loaded from: a web address, a temporary file, or a package file by its
   * path from the root or from the page `from` (a file path, as a page's route).
   */
  private mediaUrl(src: string, from = ''): Promise<string | undefined> {
    if (src.startsWith('wxfile://')) {
      return this.tempFileUrl(src);
    }
    if (/^(https?:|blob:)/i.test(src)) {
      return Promise.resolve(src);
    }
    return Promise.resolve(/^[a-z][\w+.-]*:/i.test(src) || src === '' ? undefined : assetUrl(this.manifest, this.assetBase, from, src));
  }

  /** In automation, tells the host the current page's route and data (after each render and page change). */
  reportState(): void {
    const page = this.view.instances.get(this.currentPage);
    const report = this.automation && page ? this.pageState.report(page.id, page.path, page.data) : undefined;
    if (report) {
      toHost(report);
    }
  }

  toLogic(message: ContainerToLogic, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /**
   * A button's open-type: getUserInfo and getPhoneNumber ask the host (which may show its consent sheet) and
   * raise getuserinfo / getphonenumber on the button with the answer; others are told to the host.
   */
  private openType(kind: string, element: HTMLElement): void {
    if (kind !== 'getUserInfo' && kind !== 'getPhoneNumber') {
      toHost({ type: 'api', callId: 0, name: 'openType', args: { kind } });
      return;
    }
    void this.ask<Extract<HostToContainer, { type: 'api-result' }>>((id) => ({ type: 'api', callId: id, name: 'openType', args: { kind } })).then((answer) => {
      const detail = answer.ok ? answer.result : { errMsg: answer.errMsg };
      this.view.context.fire(element, kind.toLowerCase(), detail);
    });
  }

  /** An object URL for a temporary file the host keeps, made once per path. */
  tempFileUrl(path: string): Promise<string | undefined> {
    let url = this.tempFiles.get(path);
    if (!url) {
      url = this.ask<Extract<HostToContainer, { type: 'api-result' }>>((id) => ({ type: 'api', callId: id, name: 'readTempFile', args: { path } })).then((answer) => {
        const blob = (answer.result as { blob?: unknown } | undefined)?.blob;
        return answer.ok && blob instanceof Blob ? URL.createObjectURL(blob) : undefined;
      });
      this.tempFiles.set(path, url);
    }
    return url;
  }

  /** Asks the host whether a web-view may show a page (the program's domain list decides). */
  async webViewPage(url: string): Promise<{ url?: string; refusal?: string }> {
    const answer = await this.ask<Extract<HostToContainer, { type: 'api-result' }>>((id) => ({ type: 'api', callId: id, name: 'webView', args: { url } }));
    const page = (answer.result as { url?: unknown } | undefined)?.url;
    return answer.ok && typeof page === 'string' ? { url: page } : { refusal: (answer.errMsg ?? 'refused').replace(/^webView:fail /, '') };
  }

  /** Asks the host for something and waits for its answer. */
  ask<T extends Extract<HostToContainer, { type: 'package' | 'api-result' }>>(send: (callId: number) => ContainerToHost): Promise<T> {
    const callId = this.nextCall++;
    return new Promise<T>((resolve) => {
      this.pending.set(callId, resolve as (m: Extract<HostToContainer, { type: 'package' | 'api-result' }>) => void);
      toHost(send(callId));
    });
  }

  answer(message: Extract<HostToContainer, { type: 'package' | 'api-result' }>): void {
    const resolve = this.pending.get(message.callId);
    this.pending.delete(message.callId);
    resolve?.(message);
  }

  private selectTab(pagePath: string, index: number, text: string): void {
    this.toLogic({ type: 'navigate', callId: 0, mode: 'switchTab', url: `/${pagePath}` });
    const notify = () => this.toLogic({ type: 'page-event', pageId: this.currentPage, name: 'onTabItemTap', arg: { index, pagePath, text } });
    if (this.pageRoutes.get(this.currentPage) === pagePath) {
      notify();
    } else {
      this.readyWaiters.push(notify);
    }
  }

  private showPage(pageId: number, config: Data): void {
    this.currentPage = pageId;
    for (const [id, element] of this.pages) {
      element.hidden = id !== pageId;
    }
    const route = this.pageRoutes.get(pageId) ?? '';
    this.tabBar.showFor(route);
    const background = config['navigationBarBackgroundColor'];
    this.bar = {
      title: String(config['navigationBarTitleText'] ?? ''),
      backgroundColor: typeof background === 'string' ? background : '#000000',
      frontColor: config['navigationBarTextStyle'] === 'black' ? 'black' : 'white',
      loading: false,
      canGoBack: this.pages.size > 1 && !tabPages(this.manifest).includes(route),
      custom: config['navigationStyle'] === 'custom',
    };
    toHost({ type: 'navigation-bar', bar: this.bar });
    this.reportState();
    const pageBackground = config['backgroundColor'];
    this.pages.get(pageId)?.style.setProperty('--page-background', typeof pageBackground === 'string' ? pageBackground : '#ffffff');
  }

  private onPage(message: Extract<LogicToContainer, { type: 'page' }>): void {
    for (const id of message.remove) {
      this.view.closePage(id);
      this.pages.get(id)?.remove();
      this.pages.delete(id);
      this.pageRoutes.delete(id);
      this.pullDowns.delete(id);
    }
    if (message.op === 'open') {
      if (this.pages.size === 0) {
        markLaunch('first-page');
      }
      const element = this.view.openPage(message.pageId, message.route, message.data);
      this.pages.set(message.pageId, element);
      this.pageRoutes.set(message.pageId, message.route);
      element.classList.toggle('capsule-custom-tab-page', hasCustomTabBar(this.manifest, message.route));
      this.pagesElement.appendChild(element);
      if (message.config['enablePullDownRefresh'] === true) {
        const pageId = message.pageId;
        this.pullDowns.set(pageId, new PullDown(element, () => this.toLogic({ type: 'page-event', pageId, name: 'onPullDownRefresh' })));
      }
      watchScrolling(element, message.pageId, Number(message.config['onReachBottomDistance'] ?? 50), (m) => this.toLogic(m));
    }
    this.showPage(message.pageId, message.config);
  }

  private fromLogic(message: LogicToContainer): void {
    switch (message.type) {
      case 'page':
        this.onPage(message);
        break;
      case 'data':
        this.pageState.applied(message.id, message.patch, message.init ?? false);
        this.view.applyData(message.id, message.patch, message.init ?? false, message.callback, message.options);
        break;
      case 'field-value':
        this.view.replaceFieldValue(message.field, message.value, message.cursor);
        break;
      case 'trigger':
        this.view.trigger(message.id, { type: message.name, detail: message.detail, bubbles: message.bubbles, composed: message.composed, capturePhase: message.capturePhase });
        break;
      case 'api':
        this.api(message.name, message.args).then(
          (result) => this.toLogic({ type: 'api-result', callId: message.callId, ok: true, result }, surfacesIn(result)),
          (error: unknown) => this.toLogic({ type: 'api-result', callId: message.callId, ok: false, errMsg: error instanceof Error ? error.message : String(error) }),
        );
        break;
      case 'need-package':
        this.loadPackage(message.root).then(
          (logic) => this.toLogic({ type: 'package-loaded', callId: message.callId, logic }),
          (error: unknown) => this.toLogic({ type: 'package-loaded', callId: message.callId, error: String(error) }),
        );
        break;
      case 'storage':
      case 'storage-clear':
      case 'file':
        toHost(message);
        break;
      case 'error':
        toHost({ type: 'program-error', message: message.message });
        break;
      case 'launch-failed':
        toHost({ type: 'fatal', message: message.message });
        break;
      case 'share-content':
        toHost(message);
        break;
      case 'navigate-result':
      case 'pong':
        logicAnswers.dispatch(message);
        break;
      case 'audio':
        this.audio.command(message);
        break;
    }
  }

  private async loadPackage(root: string): Promise<string> {
    const answer = await this.ask<Extract<HostToContainer, { type: 'package' }>>((callId) => ({ type: 'need-package', callId, root }));
    if (!answer.code) {
      throw new Error(answer.error ?? 'the subpackage could not be fetched');
    }
    await this.loadCode(answer.code);
    return answer.code.logic;
  }

  /** Starts answering the logic layer, beginning with what it said while the view code was loading. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    held.forEach((message) => this.fromLogic(message));
  }

  /** Loads a package's view code and registers its styles (the main package's, or a subpackage's). */
  async loadCode(code: PackageCode): Promise<void> {
    for (const [name, css] of Object.entries(code.styles)) {
      this.sheets.add(name, css);
    }
    await loadScript(code.view);
  }

  private async api(name: string, args: Data): Promise<unknown> {
    if (name === 'selectorQuery') {
      const instance = this.view.instances.get(Number(args['scope']));
      return answerQuery(instance, this.pages.get(instance?.pageId ?? this.currentPage), (args['requests'] as never) ?? []);
    }
    if (name === 'drawCanvas') {
      await drawCanvas(this.view.instances.get(Number(args['scope'])), args as unknown as CanvasDrawing, this.view.context);
      return {};
    }
    if (name === 'canvasToTempFilePath') {
      const blob = await canvasImage(this.view.instances.get(Number(args['scope'])), args);
      return this.api('saveTempFile', { blob, ext: args['fileType'] === 'jpg' ? 'jpg' : 'png' });
    }
    if (name === 'canvasGetImageData') {
      return canvasPixels(this.view.instances.get(Number(args['scope'])), args);
    }
    if (name === 'canvasPutImageData') {
      putCanvasPixels(this.view.instances.get(Number(args['scope'])), args);
      return {};
    }
    if (name === 'getImageInfo') {
      const src = String(args['src'] ?? '');
      return imageInfo(src, await this.mediaUrl(src, this.pageRoutes.get(this.currentPage) ?? ''));
    }
    if (name === 'mediaContext') {
      await controlMedia(this.view.instances.get(Number(args['scope'])), args, (src) => this.mediaUrl(src));
      return {};
    }
    if (name === 'observeIntersection') {
      this.intersections.observe(this.view.instances.get(Number(args['scope'])), args);
      return {};
    }
    if (name === 'disconnectIntersection') {
      this.intersections.disconnect(Number(args['observer']));
      return {};
    }
    if (name.includes('TabBar')) {
      this.tabBar.call(name, args);
      return {};
    }
    if (CONTAINER_APIS.has(name)) {
      return this.containerApi(name, args);
    }
    if (name === 'setNavigationBarTitle' || name === 'setNavigationBarColor' || name === 'showNavigationBarLoading' || name === 'hideNavigationBarLoading') {
      this.navigationBarApi(name, args);
      return {};
    }
    const answer = await this.ask<Extract<HostToContainer, { type: 'api-result' }>>((id) => ({ type: 'api', callId: id, name, args }));
    if (!answer.ok) {
      throw new Error(answer.errMsg ?? 'failed');
    }
    return answer.result;
  }

  private navigationBarApi(name: string, args: Data): void {
    if (name === 'setNavigationBarTitle') {
      this.bar = { ...this.bar, title: String(args['title'] ?? '') };
    } else if (name === 'setNavigationBarColor') {
      this.bar = { ...this.bar, backgroundColor: String(args['backgroundColor'] ?? this.bar.backgroundColor), frontColor: args['frontColor'] === '#000000' ? 'black' : 'white' };
    } else {
      this.bar = { ...this.bar, loading: name === 'showNavigationBarLoading' };
    }
    toHost({ type: 'navigation-bar', bar: this.bar });
  }

  private async containerApi(name: string, args: Data): Promise<unknown> {
    switch (name) {
      case 'showToast':
        this.overlay.showToast(args);
        return {};
      case 'showLoading':
        this.overlay.showToast(args, true);
        return {};
      case 'hideToast':
      case 'hideLoading':
        this.overlay.hideToast();
        return {};
      case 'showModal':
        return this.overlay.showModal(args);
      case 'showActionSheet': {
        const result = await this.overlay.showActionSheet(args);
        if (!result) {
          throw new Error('showActionSheet:fail cancel');
        }
        return result;
      }
      case 'pageScrollTo': {
        const page = this.pages.get(this.currentPage);
        const top = scrollTarget(page, this.view.instances.get(this.currentPage), args);
        page?.scrollTo({ top, behavior: Number(args['duration'] ?? 300) > 0 ? 'smooth' : 'auto' });
        return {};
      }
      case 'startPullDownRefresh': {
        const pullDown = this.pullDowns.get(this.currentPage);
        if (!pullDown) {
          throw new Error('startPullDownRefresh:fail the page does not enable pull-down refresh');
        }
        pullDown.start();
        return {};
      }
      case 'stopPullDownRefresh':
        this.pullDowns.get(this.currentPage)?.stop();
        return {};
      case 'setBackgroundColor':
        this.pages.get(this.currentPage)?.style.setProperty('--page-background', color(args['backgroundColor'], '#ffffff'));
        return {};
      case 'vibrateShort':
      case 'vibrateLong':
        navigator.vibrate?.(name === 'vibrateLong' ? 400 : 15);
        return {};
      default:
        throw new Error(`${name}:fail not supported`);
    }
  }

  showNotResponding(): void {
    this.worker.terminate();
    this.audio.dispose();
    const screen = document.createElement('div');
    screen.className = 'capsule-not-responding';
    screen.setAttribute('role', 'alert');
    const title = document.createElement('h2');
    title.textContent = 'This mini program is not responding';
    const detail = document.createElement('p');
    detail.textContent = 'It was stopped. Close it and open it again.';
    screen.append(title, detail);
    document.body.appendChild(screen);
    toHost({ type: 'fatal', message: 'the mini program is not responding and was stopped' });
  }
}

/**
 * Where wx.pageScrollTo scrolls the page: `scrollTop`, or the top of the first node matching `selector` in the page's own
 * tree, moved by `offsetTop`.
 */
function scrollTarget(page: HTMLElement | undefined, instance: ViewInstance | undefined, args: Data): number {
  const selector = args['selector'];
  if (typeof selector !== 'string' || !page) {
    return Number(args['scrollTop'] ?? 0);
  }
  let node: Element | null | undefined;
  try {
    node = instance?.root.querySelector(selector);
  } catch {
    throw new Error(`pageScrollTo:fail invalid selector "${selector}"`);
  }
  if (!node) {
    throw new Error(`pageScrollTo:fail no node matches "${selector}"`);
  }
  return node.getBoundingClientRect().top - page.getBoundingClientRect().top + page.scrollTop + (Number(args['offsetTop']) || 0);
}

function watchScrolling(element: HTMLElement, pageId: number, distance: number, toLogic: (m: ContainerToLogic) => void): void {
  let frame = 0;
  let atBottom = false;
  element.addEventListener(
    'scroll',
    () => {
      if (frame) {
        return;
      }
      frame = requestAnimationFrame(() => {
        frame = 0;
        toLogic({ type: 'page-event', pageId, name: 'onPageScroll', arg: { scrollTop: element.scrollTop } });
        const bottom = element.scrollTop + element.clientHeight >= element.scrollHeight - distance;
        if (bottom && !atBottom) {
          toLogic({ type: 'page-event', pageId, name: 'onReachBottom' });
        }
        atBottom = bottom;
      });
    },
    { passive: true },
  );
}

let program: Program | undefined;
// The logic layer starts with the document, before the host says which program to run: a container
// loaded ahead (the host's ContainerFrame) then has its Worker ready when the program's code arrives.
const worker = new LogicWorker();

async function launch(message: LaunchMessage): Promise<void> {
  markLaunch('launch-received');
  // The runtime's script is async, so this document may still be parsing (its body not there yet).
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  program = new Program(message.manifest, message.assetBase, worker);
  program.automation = message.automation;
  program.toLogic({ type: 'launch', logic: message.main.logic, manifest: message.manifest, options: message.options, system: message.system, storage: message.storage, files: message.files });
  await program.loadCode(message.main);
  markLaunch('view-code-loaded');
  program.release();
  new Watchdog(program).start();
  const running = program;
  const { screenWidth, screenHeight, navigationBarHeight } = message.system;
  watchScreenSize(
    screenWidth,
    screenHeight,
    () => (running.customNavigation ? 0 : navigationBarHeight),
    (width, height) => running.toLogic({ type: 'resize', screenWidth: width, screenHeight: height }),
  );
}

window.addEventListener('message', (event: MessageEvent<HostToContainer>) => {
  if (event.source !== window.parent) {
    return;
  }
  const message = event.data;
  switch (message?.type) {
    case 'connect':
      if (!program) {
        toHost({ type: 'container-ready' });
      }
      break;
    case 'launch':
      if (!program) {
        launch(message).catch((error: unknown) => toHost({ type: 'fatal', message: String(error) }));
      }
      break;
    case 'package':
    case 'api-result':
      program?.answer(message);
      break;
    case 'background':
      program?.toLogic(message);
      break;
    case 'foreground':
      program?.toLogic(message);
      requestAnimationFrame(() => setTimeout(() => markLaunch('foreground-paint')));
      break;
    case 'back':
      if (program && program.pages.size > 1) {
        program.toLogic({ type: 'navigate', callId: 0, mode: 'navigateBack', url: '' });
      } else {
        toHost({ type: 'exit' });
      }
      break;
    case 'share':
      program?.toLogic(message);
      break;
    case 'socket': {
      const data = message.detail['data'];
      program?.toLogic(message, data instanceof ArrayBuffer ? [data] : []);
      break;
    }
    case 'automation':
      if (program) {
        runAutomation(program, message.action).then(
          (result) => toHost({ type: 'automation-result', callId: message.callId, ok: true, result }),
          (error: unknown) => toHost({ type: 'automation-result', callId: message.callId, ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
      }
      break;
  }
});

markLaunch('container-start');
toHost({ type: 'container-ready' });
