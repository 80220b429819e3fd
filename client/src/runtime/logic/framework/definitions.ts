// What App(), Page(), Component() and Behavior() record while a program's modules run.
import type { Data } from '../../bridge/messages';
import { guard } from '../errors';
import type { ModuleRegistry } from '../modules';
import { normalize, type ComponentSpec } from './spec';

export type PageDefinition = { kind: 'page'; definition: Data } | { kind: 'component'; spec: ComponentSpec };

const pages = new Map<string, PageDefinition>();
const components = new Map<string, ComponentSpec>();
let defining: { path: string; kind: 'page' | 'component' } | undefined;

export let app: Data = {};

/** Calls an App() hook (onLaunch, onShow, onPageNotFound, …) if the program defined it, reporting what it throws. */
export function callApp(name: string, ...args: unknown[]): void {
  const hook = app[name];
  if (typeof hook === 'function') {
    guard(() => (hook as (...a: unknown[]) => unknown).apply(app, args));
  }
}

export function defineApp(options: Data): void {
  app = options && typeof options === 'object' ? options : {};
}

export function definePage(options: Data): void {
  if (defining?.kind !== 'page') {
    throw new Error('Page() may only be called in a page\'s own .js file');
  }
  pages.set(defining.path, { kind: 'page', definition: options ?? {} });
}

export function defineComponent(options: Data): void {
  if (!defining) {
    throw new Error('Component() may only be called in a page\'s or component\'s own .js file');
  }
  const spec = normalize(options ?? {});
  if (defining.kind === 'page') {
    pages.set(defining.path, { kind: 'component', spec });
  } else {
    components.set(defining.path, spec);
  }
}

function load(registry: ModuleRegistry, path: string, kind: 'page' | 'component'): void {
  const previous = defining;
  defining = { path, kind };
  try {
    registry.require(`${path}.js`);
  } finally {
    defining = previous;
  }
}

/** The definition of a page, running its module on first use. */
export function pageDefinition(registry: ModuleRegistry, route: string): PageDefinition {
  if (!pages.has(route)) {
    if (!registry.has(`${route}.js`)) {
      throw new Error(`page "${route}" has no .js file`);
    }
    load(registry, route, 'page');
  }
  const definition = pages.get(route);
  if (!definition) {
    throw new Error(`${route}.js did not call Page() or Component()`);
  }
  return definition;
}

/** The spec of a component, running its module on first use. */
export function componentSpec(registry: ModuleRegistry, path: string): ComponentSpec {
  if (!components.has(path)) {
    load(registry, path, 'component');
  }
  const spec = components.get(path);
  if (!spec) {
    throw new Error(`${path}.js did not call Component()`);
  }
  return spec;
}
