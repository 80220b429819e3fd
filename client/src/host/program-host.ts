// Runs a mini program in a sandboxed container iframe and serves what it asks of the host: its code,
// its storage (scoped to this program and user), the navigation bar, the clipboard, its network calls and sockets. The host knows
// which program a frame runs because it made the frame; a message never gets to say so itself.
import type { AutomationAction, ContainerToHost, Data, EnterScene, HostToContainer, LaunchOptions, NavigationBar, PackageCode, ShareContent, ShareSource, StoredFile } from '../runtime/bridge/messages';
import { assetUrl, packageOf, type BundleManifest } from '../runtime/bridge/manifest';
import { Identity } from './identity';
import { NetworkCalls } from './network';
import { requestPayment } from './payments';
import { ProgramStore } from './program-store';
import { ProgramFiles } from './program-files';
import { ProgramSockets } from './sockets';
import { addTempFile, getTempFile } from './temp-files';
import { DeviceApis, programTitle } from './device';
import { DeviceFailure } from './device-failure';
import { AuthSettings } from './auth-settings';
import { ScreenWakeLock } from './screen-wake-lock';
import { bundleFile } from './bundle-files';
import { ContainerFrame, retire } from './container-frame';
import { markLaunch } from '../runtime/bridge/launch-marks';
import { menuButtonRect } from './menu-button';
import { setByPath } from '../runtime/logic/data-path';

export interface ProgramHostOptions {
  appId: string;
  /** Who is using the program; storage is kept apart per user. */
  userId: string;
  manifest: BundleManifest;
  /** Where the bundle's files are served, ending with "/". */
  baseUrl: string;
  options: LaunchOptions;
  /** A container loaded ahead (see ContainerFrame), already where it is shown; a new one is made if absent. */
  container?: ContainerFrame;
  /** Where the program's server-side services (the network proxy, …) are; `/api/programs/<appid>` unless set. */
  apiBase?: string;
  /** The program's name, shown on the host's consent and payment sheets. */
  name?: string;
  /** The navigation bar's height: the capsule button is centred in it (see menu-button.ts). */
  navigationBarHeight: number;
  /** The area the program is shown in, its navigation bar included: what the program sees as its screen. */
  screen(): { width: number; height: number };
  onNavigationBar?(bar: NavigationBar): void;
  onPageReady?(route: string): void;
  onError?(message: string): void;
  onFatal?(message: string): void;
  onExit?(): void;
  /**
   * APIs the embedding app answers itself, by name (the shell's scanner for wx.scanCode). A handler's answer is the
   * success result; what it throws becomes `name:fail <message>`.
   */
  hostApis?: Record<string, (args: Record<string, unknown>) => Promise<Record<string, unknown>>>;
  /** Set by the simulator to follow the current page's route and data. */
  onPageState?(route: string, data: Record<string, unknown>): void;
  /** A `<button open-type="share">` was tapped: the shell asks share() for the content and offers its share picker. */
  onShare?(from: 'button'): void;
  /** wx.showShareMenu / hideShareMenu: whether the capsule menu offers Share. */
  onShareMenu?(shown: boolean): void;
  /** wx.getShareInfo: checks with the server that the user may use this share ticket (absent: not supported). */
  getShareInfo?(shareTicket: string): Promise<Record<string, unknown>>;
}

export class ProgramHost {
  readonly frame: HTMLIFrameElement;
  readonly errors: string[] = [];
  private readonly store: ProgramStore;
  private readonly files: ProgramFiles;
  private readonly device: DeviceApis;
  /** The main package and the stored data, fetched while the container document loads rather than after. */
  private readonly preload: Promise<[PackageCode, Record<string, string>, Record<string, StoredFile>]>;
  private readonly network: NetworkCalls;
  private readonly sockets: ProgramSockets;
  private readonly identity: Identity;
  private readonly auth: AuthSettings;
  private readonly wakeLock = new ScreenWakeLock();
  private readonly apiBase: string;
  private readonly automation = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextCall = 1;
  private readonly shares = new Map<number, (content: ShareContent) => void>();
  /** Whether the program lets itself be shared (wx.showShareMenu / hideShareMenu); on until it says otherwise. */
  shareMenu = true;
  /** In automation, the current page's data: sent whole when the page changes, then kept in step by its setData patches. */
  private pageData: Data = {};
  private readonly listener = (event: MessageEvent<ContainerToHost>) => {
    if (event.source === this.frame.contentWindow) {
      this.receive(event.data).catch((error: unknown) => this.options.onError?.(String(error)));
    }
  };

  constructor(private readonly options: ProgramHostOptions) {
    markLaunch('manifest');
    this.store = new ProgramStore(`${options.userId}/${options.appId}`);
    this.files = new ProgramFiles(`${options.userId}/${options.appId}`);
    this.auth = new AuthSettings(programTitle(options.manifest.app));
    this.device = new DeviceApis(programTitle(options.manifest.app), this.auth);
    this.preload = Promise.all([this.packageCode(''), this.store.load(), this.files.load()]);
    this.preload.catch(() => undefined);
    const apiBase = options.apiBase ?? `/api/programs/${encodeURIComponent(options.appId)}`;
    this.apiBase = apiBase;
    this.network = new NetworkCalls(apiBase);
    this.sockets = new ProgramSockets(apiBase, (event) => this.post(event));
    this.identity = new Identity(apiBase, options.name ?? options.appId);
    const container = options.container ?? new ContainerFrame();
    this.frame = container.element;
    this.frame.classList.add('mp-container');
    window.addEventListener('message', this.listener);
    container.ready
      .then(() => {
        markLaunch('container-ready');
        return this.launch();
      }).catch((error: unknown) => this.options.onFatal?.(String(error)));
  }

  dispose(): void {
    window.removeEventListener('message', this.listener);
    this.sockets.dispose();
    this.wakeLock.dispose();
    retire(this.frame);
  }

  back(): void {
    this.post({ type: 'back' });
  }

  /** A message the runtime would never send came from the program's frame: reported as the program's error, not kept. */
  private refused(what: string): void {
    const message = `Capsule refused ${what}`;
    this.errors.push(message);
    this.options.onError?.(message);
  }

  /** The user left the program without closing it: its page and App get onHide. */
  background(): void {
    this.post({ type: 'background' });
    this.wakeLock.shownChanged(false);
  }

  /** The user came back to the program kept alive: App and page get onShow, with how it was entered. */
  foreground(enter: EnterScene): void {
    this.post({ type: 'foreground', enter });
    this.wakeLock.shownChanged(true);
  }

  automate(action: AutomationAction): Promise<unknown> {
    const callId = this.nextCall++;
    return new Promise((resolve, reject) => {
      this.automation.set(callId, { resolve, reject });
      this.post({ type: 'automation', callId, action });
    });
  }

  /**
   * Asks the current page's onShareAppMessage what to share. The image comes back as a URL the shell may show:
   * a file of the bundle (resolved through the manifest's assets) or an https URL; anything else is dropped.
   */
  share(from: ShareSource): Promise<ShareContent> {
    const callId = this.nextCall++;
    return new Promise<ShareContent>((resolve) => {
      this.shares.set(callId, resolve);
      this.post({ type: 'share', callId, from });
    }).then(({ imageUrl, ...content }) => {
      const image = imageUrl ? this.shareImage(imageUrl, content.path) : undefined;
      return image ? { ...content, imageUrl: image } : content;
    });
  }

  private shareImage(url: string, page: string): string | undefined {
    if (/^https:\/\/[^/]/i.test(url)) {
      return url;
    }
    return /^[a-z][a-z0-9+.-]*:/i.test(url) ? undefined : assetUrl(this.options.manifest, this.options.baseUrl, page.split('?')[0] ?? '', url);
  }

  private post(message: HostToContainer): void {
    this.frame.contentWindow?.postMessage(message, '*');
  }

  private async packageCode(root: string): Promise<PackageCode> {
    const { manifest, baseUrl } = this.options;
    const sub = manifest.subpackages.find((p) => p.root === root);
    const view = sub ? sub.view : manifest.view;
    const logic = sub ? sub.logic : manifest.logic;
    const pageStyles = Object.entries(manifest.pageStyles)
      .filter(([route]) => packageOf(manifest, route) === root)
      .map(([, file]) => file);
    const styleFiles = sub ? pageStyles : [manifest.appStyle, ...pageStyles, ...Object.values(manifest.components).map((c) => c.style)];
    const files = [...new Set(styleFiles.filter((f): f is string => Boolean(f)))];
    const [viewText, logicText, ...css] = await Promise.all([view, logic, ...files].map((f) => bundleFile(new URL(baseUrl + f, location.href).href)));
    const styles: Record<string, string> = {};
    files.forEach((file, i) => (styles[file] = css[i] ?? ''));
    return { root, view: viewText ?? '', logic: logicText ?? '', styles };
  }

  private async launch(): Promise<void> {
    const [main, storage, files] = await this.preload;
    markLaunch('code-fetched');
    const screen = this.options.screen();
    const width = screen.width || this.frame.clientWidth || window.innerWidth;
    const height = screen.height || window.innerHeight;
    this.post({
      type: 'launch',
      appId: this.options.appId,
      manifest: this.options.manifest,
      assetBase: new URL(this.options.baseUrl, location.href).href,
      main,
      options: this.options.options,
      storage,
      files,
      automation: this.options.onPageState !== undefined,
      system: {
        screenWidth: width,
        screenHeight: height,
        navigationBarHeight: this.options.navigationBarHeight,
        pixelRatio: window.devicePixelRatio,
        language: navigator.language,
        theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
        menuButton: menuButtonRect(width, this.options.navigationBarHeight),
      },
    });
    markLaunch('launch-sent');
  }

  private async api(callId: number, name: string, args: Record<string, unknown>): Promise<void> {
    const reply = (ok: boolean, result?: unknown, errMsg?: string) => {
      const message: HostToContainer = { type: 'api-result', callId, ok };
      if (result !== undefined) {
        message.result = result;
      }
      if (errMsg !== undefined) {
        message.errMsg = errMsg;
      }
      this.post(message);
    };
    try {
      const handler = this.options.hostApis?.[name];
      if (handler) {
        reply(true, await handler(args));
      } else if (name === 'setClipboardData') {
        await navigator.clipboard.writeText(String(args['data'] ?? ''));
        reply(true, {});
      } else if (name === 'getClipboardData') {
        reply(true, { data: await navigator.clipboard.readText() });
      } else if (name === 'openType' && args['kind'] === 'share' && this.options.onShare) {
        this.options.onShare('button');
        reply(true, {});
      } else if (name === 'showShareMenu' || name === 'hideShareMenu') {
        this.shareMenu = name === 'showShareMenu';
        this.options.onShareMenu?.(this.shareMenu);
        reply(true, {});
      } else if (name === 'getShareInfo' && this.options.getShareInfo && typeof args['shareTicket'] === 'string') {
        reply(true, await this.options.getShareInfo(args['shareTicket']));
      } else if (name === 'request' || name === 'downloadFile' || name === 'uploadFile') {
        reply(true, await this.network[name](args));
      } else if (name === 'connectSocket' || name === 'sendSocketMessage' || name === 'closeSocket') {
        reply(true, await this.sockets[name](args));
      } else if (name === 'login' || name === 'checkSession' || name === 'getUserProfile') {
        reply(true, await this.identity[name](args));
      } else if (name === 'requestPayment') {
        reply(true, await requestPayment(this.apiBase, args));
      } else if (name === 'openType') {
        const kind = String(args['kind'] ?? '');
        try {
          reply(true, { ...(await this.identity.openType(kind)), errMsg: `${kind}:ok` });
        } catch (error) {
          reply(false, undefined, `${kind}:fail ${error instanceof Error ? error.message : String(error)}`);
        }
      } else if (name === 'webView') {
        reply(true, await this.network.webView(String(args['url'] ?? '')));
      } else if (name === 'abortNetworkTask') {
        this.network.abort(Number(args['taskId']));
        reply(true, {});
      } else if (name === 'readTempFile') {
        const blob = getTempFile(String(args['path'] ?? ''));
        reply(blob !== undefined, blob ? { blob } : undefined, blob ? undefined : `${name}:fail no such file`);
      } else if (name === 'saveTempFile' && args['blob'] instanceof Blob) {
        reply(true, { tempFilePath: addTempFile(args['blob'], String(args['ext'] ?? '')) });
      } else if (name === 'sourceMap' && /^[\w-]+\.map$/.test(String(args['name']))) {
        reply(true, { map: await bundleFile(new URL(this.options.baseUrl + String(args['name']), location.href).href) });
      } else if (name === 'chooseImage' || name === 'chooseMedia' || name === 'previewImage' || name === 'getLocation') {
        reply(true, await this.device[name](args));
      } else if (name === 'makePhoneCall') {
        reply(true, await this.device.makePhoneCall(args));
      } else if (name === 'setKeepScreenOn') {
        await this.wakeLock.set(args['keepScreenOn'] === true);
        reply(true, {});
      } else if (name === 'saveImageToPhotosAlbum' || name === 'saveVideoToPhotosAlbum') {
        reply(true, await this.device.saveToDevice(name, args));
      } else if (name === 'authorize') {
        await this.auth.require(String(args['scope'] ?? ''), name);
        reply(true, {});
      } else if (name === 'getSetting') {
        reply(true, { authSetting: this.auth.setting(), ...(args['withSubscriptions'] === true ? { subscriptionsSetting: { mainSwitch: true, itemSettings: {} } } : {}) });
      } else if (name === 'openSetting') {
        reply(true, { authSetting: await this.auth.openSetting() });
      } else {
        reply(false, undefined, `${name}:fail not supported`);
      }
    } catch (error) {
      reply(false, undefined, error instanceof DeviceFailure ? error.message : `${name}:fail ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async receive(message: ContainerToHost): Promise<void> {
    switch (message.type) {
      case 'need-package':
        try {
          this.post({ type: 'package', callId: message.callId, code: await this.packageCode(message.root) });
        } catch (error) {
          this.post({ type: 'package', callId: message.callId, error: String(error) });
        }
        break;
      case 'api':
        await this.api(message.callId, message.name, message.args);
        break;
      case 'storage':
        if (!this.store.set(message.key, message.value)) {
          this.refused('a storage write past the program\u2019s 10 MB');
        }
        break;
      case 'storage-clear':
        this.store.clear();
        break;
      case 'file':
        if (!this.files.apply(message)) {
          this.refused(`a file write outside the program\u2019s files or past its 200 MB (${String(message.path)})`);
        }
        break;
      case 'navigation-bar':
        this.options.onNavigationBar?.(message.bar);
        break;
      case 'page-ready':
        markLaunch('page-ready');
        this.options.onPageReady?.(message.route);
        break;
      case 'program-error':
        this.errors.push(message.message);
        this.options.onError?.(message.message);
        break;
      case 'fatal':
        this.errors.push(message.message);
        this.options.onFatal?.(message.message);
        break;
      case 'page-state':
        if ('data' in message) {
          this.pageData = message.data;
        } else {
          for (const patch of message.patches) {
            for (const [path, value] of Object.entries(patch)) {
              setByPath(this.pageData, path, value);
            }
          }
        }
        this.options.onPageState?.(message.route, this.pageData);
        break;
      case 'share-content':
        this.shares.get(message.callId)?.(message.content);
        this.shares.delete(message.callId);
        break;
      case 'exit':
        this.options.onExit?.();
        break;
      case 'automation-result': {
        const pending = this.automation.get(message.callId);
        this.automation.delete(message.callId);
        if (message.ok) {
          pending?.resolve(message.result);
        } else {
          pending?.reject(new Error(message.error ?? 'failed'));
        }
        break;
      }
    }
  }
}
