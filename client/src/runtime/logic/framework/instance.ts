// Page and component instances of the logic layer: the `this` a program's code sees, with setData,
// triggerEvent and selectComponent, and the bookkeeping the framework keeps beside it.
import type { Data, HostNode } from '../../bridge/messages';
import { post } from '../channel';
import { guard } from '../errors';
import { getByPath, parsePath, setByPath, toTransferable } from '../data-path';
import { triggered } from './observers';
import { coerce, FORM_FIELD, type ComponentSpec, type Fn } from './spec';
import { matches } from './selector';
import { createSelectorQuery } from '../wx/selector-query';
import { customTabBarId } from '../../bridge/custom-tab-bar';
import { createIntersectionObserver } from '../wx/intersection-observer';
import { relationNodes, unlinkComponent } from './relations';

export type Kind = 'page' | 'component';

export interface Instance {
  id: number;
  kind: Kind;
  /** A component's path, or a page's route. */
  path: string;
  spec: ComponentSpec;
  self: Data;
  pageId: number;
  ownerId: number;
  node: HostNode;
  /** True once the view has the instance's first data; setData before that only changes the data. */
  live: boolean;
  ready: boolean;
}

const instances = new Map<number, Instance>();
const INSTANCE = Symbol('capsule.instance');
const callbacks = new Map<number, () => void>();
let nextCallback = 1;

export function instanceById(id: number): Instance | undefined {
  return instances.get(id);
}

export function instanceOf(self: unknown): Instance | undefined {
  return self && typeof self === 'object' ? ((self as Record<symbol, Instance | undefined>)[INSTANCE]) : undefined;
}

export function instancesOfPage(pageId: number): Instance[] {
  return [...instances.values()].filter((i) => i.pageId === pageId && i.kind === 'component');
}

export function runCallbacks(ids: number[]): void {
  for (const id of ids) {
    const callback = callbacks.get(id);
    callbacks.delete(id);
    if (callback) {
      guard(callback);
    }
  }
}

/** Calls a lifetime of a component spec (behaviors first) and, for pages, the page hook of the same name. */
export function lifetime(instance: Instance, name: string, ...args: unknown[]): void {
  for (const fn of instance.spec.lifetimes[name] ?? []) {
    guard(() => fn.apply(instance.self, args));
  }
}

export function pageLifetime(instance: Instance, name: string, ...args: unknown[]): void {
  for (const fn of instance.spec.pageLifetimes[name] ?? []) {
    guard(() => fn.apply(instance.self, args));
  }
}

/** Calls a method or hook on the program-facing object (a page's onLoad, an event handler). */
export function callMethod(instance: Instance, name: string, ...args: unknown[]): unknown {
  const fn = instance.self[name];
  return typeof fn === 'function' ? guard(() => (fn as Fn).apply(instance.self, args)) : undefined;
}

function setData(instance: Instance, update: Data, callback?: unknown): void {
  if (update === null || typeof update !== 'object') {
    return;
  }
  const data = instance.self['data'] as Data;
  const patch: Data = {};
  const changed: string[] = [];
  const propertyChanges: { observer: Fn | string; value: unknown; old: unknown }[] = [];
  for (const [key, value] of Object.entries(update)) {
    const keys = parsePath(key);
    const head = String(keys[0] ?? '');
    const property = instance.spec.properties[head];
    const old = property?.observer && keys.length === 1 ? getByPath(data, key) : undefined;
    const stored = property && keys.length === 1 ? coerce(property, value) : value;
    setByPath(data, key, stored);
    patch[key] = toTransferable(stored);
    changed.push(key);
    if (property?.observer && keys.length === 1) {
      propertyChanges.push({ observer: property.observer, value: stored, old });
    }
  }
  for (const change of propertyChanges) {
    const fn = typeof change.observer === 'function' ? change.observer : instance.self[change.observer];
    if (typeof fn === 'function') {
      guard(() => (fn as Fn).call(instance.self, change.value, change.old));
    }
  }
  for (const { observer, args } of triggered(instance.spec.observers, changed, data)) {
    guard(() => observer.fn.apply(instance.self, args));
  }
  if (!instance.live) {
    if (typeof callback === 'function') {
      guard(callback as () => void);
    }
    return;
  }
  const message: { type: 'data'; id: number; patch: Data; callback?: number } = { type: 'data', id: instance.id, patch };
  if (typeof callback === 'function') {
    const id = nextCallback++;
    callbacks.set(id, callback as () => void);
    message.callback = id;
  }
  post(message);
}

/** Sends an instance's whole data to the view for its first render. */
export function goLive(instance: Instance): void {
  instance.live = true;
  const options = instance.spec.options;
  const styleIsolation = typeof options['styleIsolation'] === 'string' ? options['styleIsolation'] : options['addGlobalClass'] ? 'apply-shared' : '';
  const behaviors = instance.spec.behaviors;
  const form = { field: behaviors.includes(FORM_FIELD), group: behaviors.includes('wx://form-field-group'), button: behaviors.includes('wx://form-field-button') };
  post({ type: 'data', id: instance.id, patch: toTransferable(instance.self['data']) as Data, init: true, options: { externalClasses: instance.spec.externalClasses, styleIsolation, form, virtualHost: options['virtualHost'] === true } });
}

/** Applies properties from the host element's attributes (dash-case names become camelCase). */
export function applyProps(instance: Instance, props: Data): void {
  const update: Data = {};
  const data = instance.self['data'] as Data;
  for (const [attribute, value] of Object.entries(props)) {
    const name = attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const spec = instance.spec.properties[name];
    if (spec && JSON.stringify(data[name]) !== JSON.stringify(coerce(spec, value))) {
      update[name] = value;
    }
  }
  if (Object.keys(update).length > 0) {
    setData(instance, update);
  }
}

function children(instance: Instance): Instance[] {
  return [...instances.values()].filter((i) => i.ownerId === instance.id && i.kind === 'component');
}

function exported(instance: Instance): unknown {
  return instance.spec.exportFn ? guard(() => instance.spec.exportFn?.call(instance.self)) : instance.self;
}

function selectAll(instance: Instance, selector: string): Instance[] {
  return children(instance).filter((child) => matches(child.node, selector));
}

/** Handlers a program attached to a component's host element for one event name. */
function hostHandlers(instance: Instance, name: string): { handler: string; capture: boolean }[] {
  const found: { handler: string; capture: boolean }[] = [];
  for (const [attribute, handler] of Object.entries(instance.node.bindings)) {
    const m = /^(capture-bind|capture-catch|mut-bind|bind|catch)(?::)?(.+)$/.exec(attribute);
    if (m && m[2] === name) {
      found.push({ handler, capture: m[1]?.startsWith('capture') ?? false });
    }
  }
  return found;
}

function triggerEvent(instance: Instance, name: string, detail: unknown, options: Data | undefined): void {
  const bubbles = Boolean(options?.['bubbles']);
  const composed = Boolean(options?.['composed']);
  const capturePhase = Boolean(options?.['capturePhase']);
  if (bubbles || composed || capturePhase) {
    post({ type: 'trigger', id: instance.id, name, detail: toTransferable(detail), bubbles, composed, capturePhase });
    return;
  }
  const owner = instances.get(instance.ownerId);
  if (!owner) {
    return;
  }
  const target = { id: instance.node.id, dataset: instance.node.dataset };
  for (const { handler } of hostHandlers(instance, name)) {
    const event = { type: name, timeStamp: Date.now(), target, currentTarget: target, detail: toTransferable(detail), mark: {} };
    const fn = owner.self[handler];
    if (typeof fn === 'function') {
      guard(() => (fn as Fn).call(owner.self, event));
    } else {
      console.warn(`Component "${owner.path}" does not have a method "${handler}" to handle event "${name}".`);
    }
  }
}

/** The framework methods every page and component has. */
function frameworkMethods(instance: Instance): Data {
  return {
    setData: (update: Data, callback?: unknown) => setData(instance, update, callback),
    // WeChat draws the setData calls of the callback together; Capsule draws every setData of one turn together.
    groupSetData: (callback: unknown) => {
      if (typeof callback === 'function') {
        guard(callback as () => void);
      }
    },
    triggerEvent: (name: string, detail?: unknown, options?: Data) => triggerEvent(instance, name, detail, options),
    selectComponent: (selector: string) => {
      const [first] = selectAll(instance, selector);
      return first ? exported(first) : null;
    },
    selectAllComponents: (selector: string) => selectAll(instance, selector).map(exported),
    selectOwnerComponent: () => {
      const owner = instances.get(instance.ownerId);
      return owner?.kind === 'component' ? owner.self : null;
    },
    hasBehavior: (behavior: unknown) => instance.spec.behaviors.includes(behavior),
    getPageId: () => `pageId:${instance.pageId}`,
    getRelationNodes: (key: string) => relationNodes(instance, String(key)),
    createSelectorQuery: () => createSelectorQuery(() => instance.id),
    getTabBar: () => instances.get(customTabBarId(instance.pageId))?.self ?? null,
    createIntersectionObserver: (options?: unknown) => createIntersectionObserver(() => instance.id, options),
  };
}

export interface CreateOptions {
  id: number;
  kind: Kind;
  path: string;
  spec: ComponentSpec;
  data: Data;
  pageId: number;
  ownerId: number;
  node: HostNode;
  /** For Page() pages: every field of the definition is copied onto the page. */
  fields?: Data;
}

export function createInstance(options: CreateOptions): Instance {
  const self: Data = {};
  const instance: Instance = {
    id: options.id,
    kind: options.kind,
    path: options.path,
    spec: options.spec,
    self,
    pageId: options.pageId,
    ownerId: options.ownerId,
    node: options.node,
    live: false,
    ready: false,
  };
  Object.defineProperty(self, INSTANCE, { value: instance });
  Object.assign(self, options.fields ?? {}, frameworkMethods(instance));
  for (const [name, fn] of Object.entries(options.spec.methods)) {
    self[name] = fn;
  }
  self['data'] = options.data;
  self['is'] = options.path;
  self['id'] = options.node.id;
  self['dataset'] = options.node.dataset;
  if (options.kind === 'component') {
    self['properties'] = options.data;
  }
  instances.set(instance.id, instance);
  return instance;
}

export function destroyInstance(instance: Instance): void {
  for (const child of children(instance)) {
    destroyInstance(child);
  }
  if (instances.delete(instance.id) && instance.kind === 'component') {
    unlinkComponent(instance);
    lifetime(instance, 'detached');
  }
}
