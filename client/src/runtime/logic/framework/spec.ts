// What Component() and Behavior() definitions say, merged into one normalized form: behaviors first,
// then the definition itself, as WeChat merges them.
import type { Data } from '../../bridge/messages';
import { toTransferable } from '../data-path';

export type Fn = (this: unknown, ...args: unknown[]) => unknown;

export interface PropertySpec {
  type: unknown;
  value: unknown;
  observer?: Fn | string;
}

export interface ObserverSpec {
  fields: string[];
  fn: Fn;
}

export interface ComponentSpec {
  properties: Record<string, PropertySpec>;
  data: Data;
  methods: Record<string, Fn>;
  lifetimes: Record<string, Fn[]>;
  pageLifetimes: Record<string, Fn[]>;
  observers: ObserverSpec[];
  externalClasses: string[];
  options: Data;
  relations: Record<string, Data>;
  behaviors: unknown[];
  exportFn?: Fn;
  /** The definition's other fields (a page built with Page() keeps them all). */
  extra: Data;
}

const LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached', 'error'];
const KNOWN = new Set(['properties', 'data', 'methods', 'lifetimes', 'pageLifetimes', 'observers', 'externalClasses', 'options', 'relations', 'behaviors', 'export', ...LIFETIMES, 'definitionFilter']);

const BEHAVIOR = Symbol('capsule.behavior');

export interface BehaviorHandle {
  [BEHAVIOR]: ComponentSpec;
}

export function emptySpec(): ComponentSpec {
  return { properties: {}, data: {}, methods: {}, lifetimes: {}, pageLifetimes: {}, observers: [], externalClasses: [], options: {}, relations: {}, behaviors: [], extra: {} };
}

export function defineBehavior(definition: Data): BehaviorHandle {
  return { [BEHAVIOR]: normalize(definition) };
}

export function isBehavior(value: unknown): value is BehaviorHandle {
  return typeof value === 'object' && value !== null && BEHAVIOR in value;
}

/** A property's default value by type, as WeChat gives it when none is declared. */
function defaultFor(type: unknown): unknown {
  switch (type) {
    case String:
      return '';
    case Number:
      return 0;
    case Boolean:
      return false;
    case Array:
      return [];
    default:
      return null;
  }
}

function property(declared: unknown): PropertySpec {
  if (declared !== null && typeof declared === 'object' && !Array.isArray(declared)) {
    const d = declared as Data;
    const type = d['type'] ?? null;
    const spec: PropertySpec = { type, value: 'value' in d ? d['value'] : defaultFor(type) };
    const observer = d['observer'];
    if (typeof observer === 'function' || typeof observer === 'string') {
      spec.observer = observer as Fn | string;
    }
    return spec;
  }
  return { type: declared, value: defaultFor(declared) };
}

/** Converts an attribute's value to a property's declared type, as WeChat does. */
export function coerce(spec: PropertySpec, value: unknown): unknown {
  if (value === undefined) {
    return spec.value;
  }
  switch (spec.type) {
    case String:
      return value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    case Number: {
      const n = Number(value);
      return Number.isNaN(n) ? 0 : n;
    }
    case Boolean:
      return Boolean(value);
    default:
      return value;
  }
}

function functions(source: unknown): Record<string, Fn> {
  const result: Record<string, Fn> = {};
  if (source && typeof source === 'object') {
    for (const [name, value] of Object.entries(source)) {
      if (typeof value === 'function') {
        result[name] = value as Fn;
      }
    }
  }
  return result;
}

function mergeInto(target: ComponentSpec, source: ComponentSpec): void {
  Object.assign(target.properties, source.properties);
  Object.assign(target.data, copied(source.data));
  Object.assign(target.methods, source.methods);
  for (const [name, fns] of Object.entries(source.lifetimes)) {
    (target.lifetimes[name] ??= []).push(...fns);
  }
  for (const [name, fns] of Object.entries(source.pageLifetimes)) {
    (target.pageLifetimes[name] ??= []).push(...fns);
  }
  target.observers.push(...source.observers);
  target.externalClasses.push(...source.externalClasses);
  Object.assign(target.relations, source.relations);
  target.behaviors.push(...source.behaviors);
  if (source.exportFn) {
    target.exportFn = source.exportFn;
  }
  Object.assign(target.extra, source.extra);
}

/** A JSON copy of definition data, as WeChat gives each instance its own; data JSON cannot copy is shared. */
function copied<T>(value: T): T {
  try {
    return value === undefined ? value : (toTransferable(value) as T);
  } catch {
    return value;
  }
}

export const FORM_FIELD = 'wx://form-field';

/** The built-in behavior wx://form-field: the properties `name` (in the form) and `value` (of any type). */
function formField(): ComponentSpec {
  const spec = emptySpec();
  spec.properties['name'] = { type: String, value: '' };
  spec.properties['value'] = { type: null, value: null };
  return spec;
}

/** Normalizes a Component()/Behavior() definition, merging its behaviors. */
export function normalize(definition: Data): ComponentSpec {
  const spec = emptySpec();
  const behaviors = Array.isArray(definition['behaviors']) ? (definition['behaviors'] as unknown[]) : [];
  for (const behavior of behaviors) {
    if (isBehavior(behavior)) {
      mergeInto(spec, behavior[BEHAVIOR]);
    } else if (behavior === FORM_FIELD) {
      mergeInto(spec, formField());
    }
    spec.behaviors.push(behavior);
  }
  const own = emptySpec();
  for (const [name, declared] of Object.entries((definition['properties'] as Data | undefined) ?? {})) {
    own.properties[name] = property(declared);
  }
  own.data = (definition['data'] as Data | undefined) ?? {};
  own.methods = functions(definition['methods']);
  const lifetimes = { ...functions(definition), ...functions(definition['lifetimes']) };
  for (const name of LIFETIMES) {
    const fn = lifetimes[name];
    if (fn) {
      own.lifetimes[name] = [fn];
    }
  }
  for (const [name, fn] of Object.entries(functions(definition['pageLifetimes']))) {
    own.pageLifetimes[name] = [fn];
  }
  for (const [expression, fn] of Object.entries(functions(definition['observers']))) {
    own.observers.push({ fields: expression.split(',').map((f) => f.trim()).filter(Boolean), fn });
  }
  own.externalClasses = Array.isArray(definition['externalClasses']) ? (definition['externalClasses'] as unknown[]).map(String) : [];
  own.options = (definition['options'] as Data | undefined) ?? {};
  own.relations = (definition['relations'] as Record<string, Data> | undefined) ?? {};
  if (typeof definition['export'] === 'function') {
    own.exportFn = definition['export'] as Fn;
  }
  for (const [name, value] of Object.entries(definition)) {
    if (!KNOWN.has(name)) {
      own.extra[name] = value;
    }
  }
  mergeInto(spec, own);
  spec.options = own.options;
  return spec;
}

/** The initial data of an instance: declared data plus every property's default. */
export function initialData(spec: ComponentSpec): Data {
  const data: Data = { ...copied(spec.data) };
  for (const [name, prop] of Object.entries(spec.properties)) {
    data[name] = copied(prop.value);
  }
  return data;
}
