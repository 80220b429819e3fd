// The view layer: renders each page and custom component from its compiled render function and its
// copy of the data, patches the DOM when setData patches arrive, expands custom components into
// shadow roots (slots are native), and turns DOM input into WeChat events for the logic layer.
import type { ComponentOptions, ContainerToLogic, Data, HostNode, NavigationMode } from '../bridge/messages';
import { assetUrl, resolveComponent, type BundleManifest } from '../bridge/manifest';
import { withPath } from '../logic/data-path';
import { applyCommon, datasetOf, isEventAttribute } from './attributes';
import { builtins } from './builtins';
import { replaceValue } from './builtins/text-field';
import type { BuiltinContext } from './builtins/builtin';
import { dispatch, pathFrom, type WxEventInit } from './events';
import { listen } from './gestures';
import { annotate, type RElement, type RenderFunction, type RenderMemo, type ViewInstance } from './instance';
import { nodeOf, patchChildren, type Host } from './patch';
import type { StyleSheets } from './style-sheets';
import { CUSTOM_TAB_BAR, CUSTOM_TAB_BAR_TAG, customTabBarId } from '../bridge/custom-tab-bar';
import { withCustomTabBar } from './custom-tab-bar';

/** Component ids start here; page ids (chosen by the logic layer) stay below. */
const FIRST_COMPONENT_ID = 1_000_000;

export interface ViewEvents {
  toLogic(message: ContainerToLogic): void;
  pageReady(pageId: number, route: string): void;
  error(message: string): void;
  openType(kind: string, element: HTMLElement): void;
  rendered(): void;
  tempFile(path: string): Promise<string | undefined>;
  webView(url: string): Promise<{ url?: string; refusal?: string }>;
}

export class ViewLayer implements Host {
  readonly instances = new Map<number, ViewInstance>();
  private readonly renders = new Map<string, RenderFunction>();
  private readonly hosts = new WeakMap<HTMLElement, ViewInstance>();
  private readonly dirty = new Set<ViewInstance>();
  private readonly waiting = new Map<number, number>();
  /** Pages that have not yet rendered completely (with every component in them) for the first time. */
  private readonly unready = new Set<number>();
  private readonly rendered: number[] = [];
  private readonly callbacks: number[] = [];
  /** Components attached since the last flush, to report where they sit (for relations). */
  private readonly placed: ViewInstance[] = [];
  private nextId = FIRST_COMPONENT_ID;
  private readonly fields: WeakRef<HTMLElement>[] = [];
  private readonly fieldTokens = new WeakMap<HTMLElement, number>();
  private scheduled = false;
  readonly context: BuiltinContext;

  constructor(
    private readonly manifest: BundleManifest,
    private readonly sheets: StyleSheets,
    private readonly events: ViewEvents,
    private readonly assetBase: string,
  ) {
    this.context = {
      fire: (element, type, detail, bubbles = false) => this.raise(pathFrom(element), { type, detail, bubbles, composed: false, capturePhase: false }),
      touch: (element, type, touches) => this.raise(pathFrom(element), { type, detail: {}, bubbles: true, composed: true, capturePhase: true, touches, changedTouches: touches }),
      model: (element, attribute, value) => this.model(element, attribute, value),
      navigate: (mode: NavigationMode, url, delta) => events.toLogic({ type: 'navigate', callId: 0, mode, url, delta }),
      openType: (kind, element) => events.openType(kind, element),
      tempFile: (path) => events.tempFile(path),
      webView: (url) => events.webView(url),
      formComponent: (element) => {
        const instance = this.hosts.get(element);
        const form = instance?.options?.form;
        return instance && form ? { ...form, name: String(instance.data['name'] ?? ''), value: instance.data['value'] } : undefined;
      },
      clearFormField: (element) => {
        const instance = this.hosts.get(element);
        if (instance?.options?.form.field) {
          events.toLogic({ type: 'model', instance: instance.id, path: 'value', value: '' });
        }
      },
      asset: (element, src) => {
        const owner = nodeOf(element)?.owner;
        return owner ? assetUrl(this.manifest, this.assetBase, owner.path, src) : undefined;
      },
    };
  }

  registerViews(views: Record<string, RenderFunction>): void {
    for (const [path, render] of Object.entries(views)) {
      this.renders.set(path, render);
    }
  }

  /** Creates a page's element (a scrolling box with its own shadow root) and renders its first data. */
  openPage(pageId: number, route: string, data: Data): HTMLElement {
    const element = document.createElement('div');
    element.className = 'capsule-page';
    element.dataset['route'] = route;
    const root = element.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = this.sheets.forPage(route);
    const instance: ViewInstance = { id: pageId, kind: 'page', path: route, pageId, render: this.renders.get(route), memo: newMemo(), data, root, host: element, rendered: [], waiting: false };
    this.instances.set(pageId, instance);
    this.unready.add(pageId);
    listen(element, (path, init) => this.raise(path, init), (path) => path.some((e) => e.localName === 'wx-button' && e.hasAttribute('disabled')));
    if (!instance.render) {
      this.events.error(`page "${route}" has no compiled view`);
    }
    this.dirty.add(instance);
    this.schedule();
    return element;
  }

  closePage(pageId: number): void {
    const page = this.instances.get(pageId);
    if (page) {
      this.releaseTree(page.root);
      this.instances.delete(pageId);
      this.unready.delete(pageId);
    }
  }

  /** Applies a setData patch (or a component's first data) and schedules a render. */
  applyData(id: number, patch: Data, init: boolean, callback: number | undefined, options?: ComponentOptions): void {
    const instance = this.instances.get(id);
    if (callback !== undefined) {
      this.callbacks.push(callback);
    }
    if (!instance) {
      this.schedule();
      return;
    }
    if (init) {
      instance.data = patch;
      const owner = nodeOf(instance.host)?.owner;
      if (options && owner) {
        instance.options = options;
        this.restyle(instance, owner);
      }
      this.stopWaiting(instance);
    } else {
      for (const [path, value] of Object.entries(patch)) {
        instance.data = withPath(instance.data, path, value);
      }
    }
    this.dirty.add(instance);
    this.schedule();
  }

  /** Raises a component's triggerEvent with bubbles, composed or capturePhase from its host element. */
  trigger(id: number, init: WxEventInit): void {
    const instance = this.instances.get(id);
    if (instance) {
      this.raise(pathFrom(instance.host), init);
    }
  }

  private raise(path: HTMLElement[], init: WxEventInit): void {
    const target = path[0];
    const field = init.type === 'input' && target && (target.localName === 'wx-input' || target.localName === 'wx-textarea') ? this.fieldToken(target) : undefined;
    dispatch(path, init, (owner, handler, event) => this.events.toLogic(field === undefined ? { type: 'event', instance: owner.id, handler, event } : { type: 'event', instance: owner.id, handler, event, field }));
  }

  /** A number naming an input or textarea to the logic layer, for the value a bindinput handler returns. */
  private fieldToken(element: HTMLElement): number {
    let token = this.fieldTokens.get(element);
    if (token === undefined) {
      token = this.fields.length;
      this.fields.push(new WeakRef(element));
      this.fieldTokens.set(element, token);
    }
    return token;
  }

  /** A bindinput handler returned a value: the field shows it (and a model:value binding gets it). */
  replaceFieldValue(token: number, value: string, cursor: number | undefined): void {
    const element = this.fields[token]?.deref();
    if (element?.isConnected) {
      replaceValue(element, value, cursor);
      this.model(element, 'value', value);
    }
  }

  private model(element: HTMLElement, attribute: string, value: unknown): void {
    const node = nodeOf(element);
    const binding = node?.rawAttr?.[`model:${attribute}`];
    const path = binding ? /^\{\{\s*([\w.[\]$]+)\s*\}\}$/.exec(binding)?.[1] : undefined;
    if (node && path) {
      this.events.toLogic({ type: 'model', instance: node.owner.id, path, value });
    }
  }

  private schedule(): void {
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    for (const instance of [...this.dirty]) {
      this.dirty.delete(instance);
      if (this.instances.has(instance.id) && !instance.waiting) {
        this.renderInstance(instance);
      }
    }
    if (this.placed.length > 0) {
      const items = this.placed.splice(0).filter((c) => this.instances.has(c.id)).map((c) => ({ id: c.id, ancestors: this.componentAncestors(c.host) }));
      this.events.toLogic({ type: 'placed', items });
    }
    if (this.rendered.length > 0 || this.callbacks.length > 0) {
      this.events.toLogic({ type: 'rendered', ids: this.rendered.splice(0), callbacks: this.callbacks.splice(0) });
      this.events.rendered();
    }
    for (const pageId of [...this.unready]) {
      this.settle(pageId);
    }
  }

  private renderInstance(instance: ViewInstance): void {
    if (!instance.render) {
      return;
    }
    let tree;
    try {
      tree = instance.render(instance.data, instance.memo);
    } catch (error) {
      this.events.error(`rendering ${instance.path} failed: ${String(error)}`);
      return;
    }
    const next = instance.kind === 'page' ? withCustomTabBar(this.manifest, instance, annotate([tree], instance)) : annotate(tree.children, instance);
    patchChildren(instance.root, instance.rendered, next, this);
    instance.rendered = next;
    this.rendered.push(instance.id);
  }

  /** A page is ready once it and every component in it have rendered their first data. */
  private settle(pageId: number): void {
    const page = this.instances.get(pageId);
    if (!page || !this.unready.has(pageId) || (this.waiting.get(pageId) ?? 0) > 0 || page.rendered.length === 0 || this.dirty.size > 0) {
      return;
    }
    this.unready.delete(pageId);
    this.events.toLogic({ type: 'page-ready', pageId });
    this.events.pageReady(pageId, page.path);
  }

  private componentFor(node: RElement): string | undefined {
    const owner = node.owner;
    if (node.tag === CUSTOM_TAB_BAR_TAG && owner.kind === 'page') {
      return CUSTOM_TAB_BAR;
    }
    const name = node.tag.slice(3);
    const generics = owner.component?.config?.['componentGenerics'] as Record<string, unknown> | undefined;
    if (generics && Object.hasOwn(generics, name)) {
      return this.genericFor(owner, node.tag, generics[name]);
    }
    const ownConfig = owner.kind === 'page' ? this.manifest.pageConfigs[owner.path] : owner.component?.config;
    for (const [config, from] of [
      [ownConfig, owner.path],
      [this.manifest.app, 'app'],
    ] as const) {
      const using = config?.['usingComponents'] as Record<string, unknown> | undefined;
      const request = using?.[name];
      if (typeof request === 'string') {
        return resolveComponent(this.manifest, from, request);
      }
    }
    return undefined;
  }

  /**
   * An abstract node (componentGenerics) of a component: the component its host names with
   * `generic:name="tag"`, found in the host's owner's usingComponents, or the declared default.
   */
  private genericFor(component: ViewInstance, tag: string, declared: unknown): string | undefined {
    const host = nodeOf(component.host);
    const chosen = host?.generics?.[tag];
    if (host && chosen) {
      return this.componentFor({ ...host, tag: chosen });
    }
    const fallback = declared && typeof declared === 'object' ? (declared as Record<string, unknown>)['default'] : undefined;
    return typeof fallback === 'string' ? resolveComponent(this.manifest, component.path, fallback) : undefined;
  }

  create(node: RElement): HTMLElement {
    if (node.tag === 'wx-slot') {
      return document.createElement('slot');
    }
    let element: HTMLElement;
    try {
      element = document.createElement(node.tag);
    } catch {
      element = document.createElement('wx-view');
    }
    const path = this.componentFor(node);
    const component = path ? this.manifest.components[path] : undefined;
    if (path && component) {
      const root = element.attachShadow({ mode: 'open' });
      const instance: ViewInstance = {
        id: node.tag === CUSTOM_TAB_BAR_TAG ? customTabBarId(node.owner.pageId) : this.nextId++,
        kind: 'component',
        path,
        pageId: node.owner.pageId,
        render: this.renders.get(path),
        memo: newMemo(),
        data: {},
        root,
        host: element,
        component,
        rendered: [],
        waiting: true,
      };
      this.hosts.set(element, instance);
      this.instances.set(instance.id, instance);
      this.restyle(instance, node.owner);
      this.waiting.set(instance.pageId, (this.waiting.get(instance.pageId) ?? 0) + 1);
      return element;
    }
    builtins.get(node.tag)?.create?.(element, this.context);
    return element;
  }

  update(element: HTMLElement, node: RElement, previous: RElement | undefined): void {
    applyCommon(element, node, previous);
    const instance = this.hosts.get(element);
    if (instance) {
      if (!previous) {
        this.placed.push(instance);
        this.events.toLogic({ type: 'attach', id: instance.id, path: instance.path, pageId: instance.pageId, ownerId: node.owner.id, props: propsOf(node), node: hostNode(node) });
      } else if (!sameAttributes(node.attr, previous.attr)) {
        this.events.toLogic({ type: 'props', id: instance.id, props: propsOf(node), node: hostNode(node) });
      }
      return;
    }
    builtins.get(node.tag)?.update?.(element, node.attr, this.context);
  }

  remove(element: HTMLElement): void {
    const instance = this.hosts.get(element);
    if (!instance) {
      return;
    }
    this.releaseTree(instance.root);
    this.instances.delete(instance.id);
    this.stopWaiting(instance);
    this.events.toLogic({ type: 'detach', id: instance.id });
  }

  /** A component that got its first data, or went away before it did, no longer holds its page back. */
  private stopWaiting(instance: ViewInstance): void {
    if (instance.waiting) {
      instance.waiting = false;
      this.waiting.set(instance.pageId, Math.max(0, (this.waiting.get(instance.pageId) ?? 1) - 1));
    }
  }

  private releaseTree(root: ShadowRoot): void {
    for (const element of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
      this.remove(element);
    }
  }

  private restyle(component: ViewInstance, owner: ViewInstance): void {
    component.root.adoptedStyleSheets = this.sheets.forComponent(component, owner, this.instances.get(component.pageId)?.path ?? '');
  }

  /** The component instances whose hosts enclose `element` in the composed tree (slots included), nearest first. */
  private componentAncestors(element: HTMLElement): number[] {
    const found: number[] = [];
    let node: Node | null = element.parentNode;
    while (node) {
      if (node instanceof ShadowRoot) {
        node = node.host;
        continue;
      }
      const instance = node instanceof HTMLElement ? this.hosts.get(node) : undefined;
      if (instance) {
        found.push(instance.id);
      }
      node = node.parentNode;
    }
    return found;
  }

  /** Whether a page has rendered completely (it and all its components) at least once. */
  isReady(pageId: number): boolean {
    return this.instances.has(pageId) && !this.unready.has(pageId);
  }
}

/** Whether a host element's attributes are unchanged (the render makes new objects, so values compare as JSON). */
function sameAttributes(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k] || (k in b && JSON.stringify(a[k]) === JSON.stringify(b[k])));
}

function newMemo(): RenderMemo {
  return { p: new Map(), n: new Map() };
}

function propsOf(node: RElement): Data {
  const props: Data = {};
  for (const [name, value] of Object.entries(node.attr)) {
    if (!isEventAttribute(name) && !name.startsWith('mark:') && !name.startsWith('data-')) {
      props[name] = value;
    }
  }
  return props;
}

function hostNode(node: RElement): HostNode {
  const bindings: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.attr)) {
    if (isEventAttribute(name) && typeof value === 'string') {
      bindings[name] = value;
    }
  }
  const classes = String(node.attr['class'] ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return { id: typeof node.attr['id'] === 'string' ? node.attr['id'] : '', classes, dataset: datasetOf(node), bindings };
}
