// The page stack: navigateTo, redirectTo, navigateBack, switchTab and reLaunch with WeChat's rules
// (at most 10 pages, tab pages only through switchTab and kept alive, subpackages loaded on first use).
import type { Data, NavigationMode, PageOperation } from '../../bridge/messages';
import { allPages, packageOf, parseUrl, tabPages, type BundleManifest } from '../../bridge/manifest';
import { expect, post, runScript } from '../channel';
import { toTransferable } from '../data-path';
import { report } from '../errors';
import type { ModuleRegistry } from '../modules';
import { callApp, pageDefinition } from './definitions';
import { applyProps, callMethod, createInstance, destroyInstance, instancesOfPage, lifetime, pageLifetime, type Instance } from './instance';
import { createEventChannel, type EventChannel } from './event-channel';
import { createCustomTabBar } from './custom-tab-bar';
import { emptySpec, initialData } from './spec';

export const MAX_PAGES = 10;

export interface NavigationResult {
  ok: boolean;
  errMsg: string;
  /** navigateTo's end of the channel to the opened page. */
  eventChannel?: EventChannel;
}

interface PageRecord {
  instance: Instance;
  route: string;
  query: Record<string, string>;
}

export class Navigator {
  readonly stack: PageRecord[] = [];
  private readonly tabs = new Map<string, PageRecord>();
  private readonly loadedPackages = new Set<string>(['']);
  private nextPageId = 1;

  constructor(
    private readonly registry: ModuleRegistry,
    readonly manifest: BundleManifest,
  ) {}

  get current(): PageRecord | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Whether the page shown draws its own navigation bar (`navigationStyle: custom`); the app's window says before the first. */
  customNavigation(): boolean {
    return this.config(this.current?.route ?? '')['navigationStyle'] === 'custom';
  }

  pages(): Data[] {
    return this.stack.map((record) => record.instance.self);
  }

  isTab(route: string): boolean {
    return tabPages(this.manifest).includes(route);
  }

  exists(route: string): boolean {
    return allPages(this.manifest).includes(route);
  }

  async navigate(mode: NavigationMode, url: string, delta = 1, events?: unknown): Promise<NavigationResult> {
    const fail = (reason: string): NavigationResult => ({ ok: false, errMsg: `${mode}:fail ${reason}` });
    if (mode === 'navigateBack') {
      return this.back(delta);
    }
    const { route, query } = parseUrl(String(url ?? ''), this.current?.route ?? '');
    if (!this.exists(route)) {
      return fail(`page "${route}" is not found`);
    }
    const tab = this.isTab(route);
    if ((mode === 'navigateTo' || mode === 'redirectTo') && tab) {
      return fail('can not navigateTo a tabbar page');
    }
    if (mode === 'switchTab' && !tab) {
      return fail('can not switch to no-tabBar page');
    }
    if (mode === 'navigateTo' && this.stack.length >= MAX_PAGES) {
      return fail('webview count limit exceed');
    }
    const loaded = await this.ensurePackage(route);
    if (loaded) {
      return fail(loaded);
    }
    const broken = this.brokenPage(route);
    if (broken) {
      return fail(broken);
    }
    switch (mode) {
      case 'navigateTo': {
        this.hideCurrent();
        const channel = createEventChannel(events);
        this.open(route, query, [], channel.opened);
        return { ok: true, errMsg: 'navigateTo:ok', eventChannel: channel.opener };
      }
      case 'redirectTo': {
        const removed = this.stack.pop();
        this.unload(removed);
        this.open(route, query, removed ? [removed.instance.id] : []);
        break;
      }
      case 'switchTab':
        this.switchTab(route, query);
        break;
      case 'reLaunch': {
        const removed = this.unloadAll();
        this.open(route, query, removed);
        break;
      }
    }
    return { ok: true, errMsg: `${mode}:ok` };
  }

  /** Opens the first page; a missing page goes to App.onPageNotFound and then to the entry page. */
  async launch(route: string, query: Record<string, string>): Promise<void> {
    let target = route;
    if (!this.exists(target)) {
      callApp('onPageNotFound', { path: route, query, isEntryPage: true });
      target = this.manifest.entryPagePath;
    }
    const error = await this.ensurePackage(target);
    if (error) {
      throw new Error(error);
    }
    this.open(target, query, []);
    if (this.isTab(target) && this.current) {
      this.tabs.set(target, this.current);
    }
  }

  /**
   * Runs a page's module before the stack changes. If it throws (a require of a file the program lacks,
   * say), the error is reported and the navigation fails with its message; the current page stays shown.
   */
  private brokenPage(route: string): string | undefined {
    try {
      pageDefinition(this.registry, route);
      return undefined;
    } catch (error) {
      report(error);
      return error instanceof Error ? error.message : String(error);
    }
  }

  private async ensurePackage(route: string): Promise<string | undefined> {
    const root = packageOf(this.manifest, route);
    if (root === undefined || this.loadedPackages.has(root)) {
      return undefined;
    }
    const answer = await expect<{ logic?: string; error?: string }>((callId) => post({ type: 'need-package', callId, root }));
    if (answer.error !== undefined || answer.logic === undefined) {
      return `subpackage "${root}" could not be loaded: ${answer.error ?? 'no code'}`;
    }
    runScript(answer.logic);
    this.loadedPackages.add(root);
    return undefined;
  }

  private back(delta: number): NavigationResult {
    if (this.stack.length <= 1) {
      return { ok: false, errMsg: 'navigateBack:fail cannot navigate back at first page.' };
    }
    const count = Math.min(Math.max(1, Math.floor(Number(delta) || 1)), this.stack.length - 1);
    const removed: number[] = [];
    for (let i = 0; i < count; i++) {
      const record = this.stack.pop();
      if (record) {
        removed.push(record.instance.id);
        this.unload(record);
      }
    }
    const shown = this.current;
    if (shown) {
      this.send('show', shown, removed);
      this.show(shown);
    }
    return { ok: true, errMsg: 'navigateBack:ok' };
  }

  private switchTab(route: string, query: Record<string, string>): void {
    const current = this.current;
    const removed: number[] = [];
    while (this.stack.length > 0) {
      const record = this.stack.pop();
      if (!record) {
        break;
      }
      if (this.isTab(record.route)) {
        if (record.route !== route) {
          this.hide(record);
        }
      } else {
        removed.push(record.instance.id);
        this.unload(record);
      }
    }
    const kept = this.tabs.get(route);
    if (kept) {
      this.stack.push(kept);
      this.send('show', kept, removed);
      if (kept !== current) {
        this.show(kept);
      }
      return;
    }
    this.open(route, query, removed);
    if (this.current) {
      this.tabs.set(route, this.current);
    }
  }

  private unloadAll(): number[] {
    const removed = new Set<number>();
    for (const record of [...this.stack].reverse()) {
      removed.add(record.instance.id);
      this.unload(record);
    }
    for (const record of this.tabs.values()) {
      if (!removed.has(record.instance.id)) {
        removed.add(record.instance.id);
        this.unload(record);
      }
    }
    this.stack.length = 0;
    this.tabs.clear();
    return [...removed];
  }

  private hideCurrent(): void {
    if (this.current) {
      this.hide(this.current);
    }
  }

  private hide(record: PageRecord): void {
    callMethod(record.instance, 'onHide');
    for (const component of instancesOfPage(record.instance.id)) {
      pageLifetime(component, 'hide');
    }
  }

  /** The program went to the background: the page shown gets onHide, as its components' pageLifetimes.hide. */
  background(): void {
    if (this.current) {
      this.hide(this.current);
    }
  }

  /** The program came back to the foreground: the page shown gets onShow, as its components' pageLifetimes.show. */
  foreground(): void {
    if (this.current) {
      this.show(this.current);
    }
  }

  /** The window changed size: the page shown gets onResize, and its components pageLifetimes.resize. */
  resize(result: Data): void {
    const record = this.current;
    if (record) {
      callMethod(record.instance, 'onResize', result);
      for (const component of instancesOfPage(record.instance.id)) {
        pageLifetime(component, 'resize', result);
      }
    }
  }

  private show(record: PageRecord): void {
    callMethod(record.instance, 'onShow');
    for (const component of instancesOfPage(record.instance.id)) {
      pageLifetime(component, 'show');
    }
  }

  private unload(record: PageRecord | undefined): void {
    if (!record) {
      return;
    }
    callMethod(record.instance, 'onUnload');
    lifetime(record.instance, 'detached');
    for (const component of instancesOfPage(record.instance.id)) {
      destroyInstance(component);
    }
    destroyInstance(record.instance);
    this.tabs.forEach((kept, route) => kept === record && this.tabs.delete(route));
  }

  private config(route: string): Data {
    return { ...(this.manifest.window ?? {}), ...(this.manifest.pageConfigs[route] ?? {}) };
  }

  private send(op: PageOperation, record: PageRecord, remove: number[]): void {
    const data = op === 'open' ? pageData(record.instance.self['data']) : {};
    post({ type: 'page', op, pageId: record.instance.id, route: record.route, data, remove, config: this.config(record.route) });
  }

  private open(route: string, query: Record<string, string>, remove: number[], channel: EventChannel = createEventChannel(undefined).opened): void {
    const definition = pageDefinition(this.registry, route);
    const id = this.nextPageId++;
    const node = { id: '', classes: [], dataset: {}, bindings: {} };
    const instance =
      definition.kind === 'page'
        ? createInstance({ id, kind: 'page', path: route, spec: emptySpec(), data: pageData(definition.definition['data']), pageId: id, ownerId: 0, node, fields: pageFields(definition.definition) })
        : createInstance({ id, kind: 'page', path: route, spec: definition.spec, data: initialData(definition.spec), pageId: id, ownerId: 0, node });
    instance.self['route'] = route;
    instance.self['__route__'] = route;
    instance.self['options'] = { ...query };
    instance.self['getOpenerEventChannel'] = () => channel;
    const record: PageRecord = { instance, route, query };
    this.stack.push(record);
    createCustomTabBar(this.registry, this.manifest, route, id);
    if (definition.kind === 'component') {
      lifetime(instance, 'created');
      applyProps(instance, query);
      lifetime(instance, 'attached');
    }
    instance.live = true;
    this.send('open', record, remove);
    callMethod(instance, 'onLoad', { ...query });
    this.show(record);
  }
}

/** A JSON copy of page data (a Page() definition's, or a page's to send to the view). */
function pageData(data: unknown): Data {
  return data && typeof data === 'object' ? (toTransferable(data) as Data) : {};
}

/** A Page() definition's fields other than data: methods and any other values, copied onto the page as WeChat does. */
function pageFields(definition: Data): Data {
  const fields: Data = {};
  for (const [name, value] of Object.entries(definition)) {
    if (name !== 'data') {
      fields[name] = value;
    }
  }
  return fields;
}
