// The logic layer: runs a mini program's JavaScript in a dedicated Worker created from a blob inside
// the sandboxed container, so it has no DOM and (through the container's CSP) no network.
import type { ContainerToLogic, LogicToContainer, PageData } from '../bridge/messages';
import { setByPath } from './data-path';
import { ModuleRegistry } from './modules';

interface WorkerScope {
  postMessage(message: LogicToContainer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ContainerToLogic>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  importScripts(...urls: string[]): void;
}

type Options = Record<string, unknown>;

interface PageInstance {
  route: string;
  data: PageData;
  options: Record<string, string>;
  setData(update: PageData, callback?: () => void): void;
  [key: string]: unknown;
}

const scope = self as unknown as WorkerScope;
const globals = self as unknown as Record<string, unknown>;
const registry = new ModuleRegistry();
const pageDefinitions = new Map<string, Options>();
const pages: PageInstance[] = [];
const renderCallbacks: (() => void)[] = [];
let app: Options = {};
let definingRoute = '';
let readyPending: PageInstance | undefined;

function report(error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  scope.postMessage({ type: 'error', message });
  const onError = app['onError'];
  if (typeof onError === 'function') {
    onError.call(app, message);
  }
}

function call(target: Options, name: string, ...args: unknown[]): void {
  const hook = target[name];
  if (typeof hook === 'function') {
    try {
      hook.apply(target, args);
    } catch (error) {
      report(error);
    }
  }
}

globals['__capsuleDefine'] = (path: string, factory: Parameters<ModuleRegistry['define']>[1]) => registry.define(path, factory);

globals['App'] = (options: Options) => {
  app = options;
};

globals['getApp'] = () => app;

globals['Page'] = (options: Options) => {
  pageDefinitions.set(definingRoute, options);
};

globals['getCurrentPages'] = () => [...pages];

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function createPage(route: string, definition: Options, query: Record<string, string>): PageInstance {
  const page: PageInstance = {
    ...definition,
    route,
    options: query,
    data: clone((definition['data'] as PageData | undefined) ?? {}),
    setData(update: PageData, callback?: () => void) {
      for (const [path, value] of Object.entries(update)) {
        setByPath(page.data, path, clone(value));
      }
      if (callback) {
        renderCallbacks.push(callback);
      }
      scope.postMessage({ type: 'render', route, data: page.data });
    },
  };
  return page;
}

function launch(logic: string, route: string, query: Record<string, string>): void {
  const url = URL.createObjectURL(new Blob([logic], { type: 'text/javascript' }));
  try {
    scope.importScripts(url);
  } finally {
    URL.revokeObjectURL(url);
  }
  if (registry.has('app.js')) {
    registry.require('app.js');
  }
  call(app, 'onLaunch', { path: route, query, scene: 1001 });
  call(app, 'onShow', { path: route, query, scene: 1001 });
  definingRoute = route;
  registry.require(`${route}.js`);
  const definition = pageDefinitions.get(route);
  if (!definition) {
    throw new Error(`${route}.js did not call Page()`);
  }
  const page = createPage(route, definition, query);
  pages.push(page);
  readyPending = page;
  scope.postMessage({ type: 'render', route, data: page.data });
  call(page, 'onLoad', query);
  call(page, 'onShow');
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  try {
    if (message.type === 'load') {
      launch(message.logic, message.route, message.query);
    } else if (message.type === 'rendered') {
      for (const callback of renderCallbacks.splice(0)) {
        callback();
      }
      if (readyPending?.route === message.route) {
        const page = readyPending;
        readyPending = undefined;
        call(page, 'onReady');
      }
    }
  } catch (error) {
    report(error);
  }
});

scope.addEventListener('error', (event) => {
  report(event.error ?? event.message);
});
