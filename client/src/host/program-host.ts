// Runs a mini program in a sandboxed container iframe and serves what it asks of the host: its code,
// its storage (scoped to this program and user), the navigation bar, the clipboard. The host knows
// which program a frame runs because it made the frame; a message never gets to say so itself.
import type { AutomationAction, ContainerToHost, HostToContainer, LaunchOptions, NavigationBar, PackageCode } from '../runtime/bridge/messages';
import { packageOf, type BundleManifest } from '../runtime/bridge/manifest';
import { ProgramStore } from './program-store';
import { DeviceApis, DeviceFailure, programTitle } from './device';

export interface ProgramHostOptions {
  appId: string;
  /** Who is using the program; storage is kept apart per user. */
  userId: string;
  manifest: BundleManifest;
  /** Where the bundle's files are served, ending with "/". */
  baseUrl: string;
  options: LaunchOptions;
  onNavigationBar?(bar: NavigationBar): void;
  onPageReady?(route: string): void;
  onError?(message: string): void;
  onFatal?(message: string): void;
  onExit?(): void;
  /** Set by the simulator to follow the current page's route and data. */
  onPageState?(route: string, data: Record<string, unknown>): void;
}

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: ${response.status} ${response.statusText}`);
  }
  return response.text();
}

export class ProgramHost {
  readonly frame: HTMLIFrameElement;
  readonly errors: string[] = [];
  private readonly store: ProgramStore;
  private readonly device: DeviceApis;
  /** The main package and the stored data, fetched while the container document loads rather than after. */
  private readonly preload: Promise<[PackageCode, Record<string, string>]>;
  private readonly automation = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextCall = 1;
  private readonly listener = (event: MessageEvent<ContainerToHost>) => {
    if (event.source === this.frame.contentWindow) {
      this.receive(event.data).catch((error: unknown) => this.options.onError?.(String(error)));
    }
  };

  constructor(private readonly options: ProgramHostOptions) {
    this.store = new ProgramStore(`${options.userId}/${options.appId}`);
    this.device = new DeviceApis(programTitle(options.manifest.app));
    this.preload = Promise.all([this.packageCode(''), this.store.load()]);
    this.preload.catch(() => undefined);
    this.frame = document.createElement('iframe');
    this.frame.className = 'mp-container';
    this.frame.setAttribute('sandbox', 'allow-scripts');
    this.frame.title = 'Mini program';
    this.frame.src = '/container.html';
    window.addEventListener('message', this.listener);
  }

  dispose(): void {
    window.removeEventListener('message', this.listener);
    this.frame.remove();
  }

  back(): void {
    this.post({ type: 'back' });
  }

  automate(action: AutomationAction): Promise<unknown> {
    const callId = this.nextCall++;
    return new Promise((resolve, reject) => {
      this.automation.set(callId, { resolve, reject });
      this.post({ type: 'automation', callId, action });
    });
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
    const [viewText, logicText, ...css] = await Promise.all([view, logic, ...files].map((f) => text(baseUrl + f)));
    const styles: Record<string, string> = {};
    files.forEach((file, i) => (styles[file] = css[i] ?? ''));
    return { root, view: viewText ?? '', logic: logicText ?? '', styles };
  }

  private async launch(): Promise<void> {
    const [main, storage] = await this.preload;
    const width = this.frame.clientWidth || window.innerWidth;
    const height = this.frame.clientHeight || window.innerHeight;
    this.post({
      type: 'launch',
      appId: this.options.appId,
      manifest: this.options.manifest,
      assetBase: new URL(this.options.baseUrl, location.href).href,
      main,
      options: this.options.options,
      storage,
      automation: this.options.onPageState !== undefined,
      system: {
        windowWidth: width,
        windowHeight: height,
        screenWidth: window.screen.width,
        screenHeight: window.screen.height,
        pixelRatio: window.devicePixelRatio,
        language: navigator.language,
        theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
      },
    });
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
      if (name === 'setClipboardData') {
        await navigator.clipboard.writeText(String(args['data'] ?? ''));
        reply(true, {});
      } else if (name === 'getClipboardData') {
        reply(true, { data: await navigator.clipboard.readText() });
      } else if (name === 'sourceMap' && /^[\w-]+\.map$/.test(String(args['name']))) {
        reply(true, { map: await text(this.options.baseUrl + String(args['name'])) });
      } else if (name === 'chooseImage' || name === 'chooseMedia' || name === 'previewImage' || name === 'getLocation') {
        reply(true, await this.device[name](args));
      } else {
        reply(false, undefined, `${name}:fail not supported`);
      }
    } catch (error) {
      reply(false, undefined, error instanceof DeviceFailure ? error.message : `${name}:fail ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async receive(message: ContainerToHost): Promise<void> {
    switch (message.type) {
      case 'container-ready':
        await this.launch();
        break;
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
        this.store.set(message.key, message.value);
        break;
      case 'storage-clear':
        this.store.clear();
        break;
      case 'navigation-bar':
        this.options.onNavigationBar?.(message.bar);
        break;
      case 'page-ready':
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
        this.options.onPageState?.(message.route, message.data);
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
