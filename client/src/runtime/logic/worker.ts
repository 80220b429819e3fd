// The logic layer: runs a mini program's JavaScript in a dedicated Worker created from a blob inside
// the sandboxed container, so it has no DOM and (through the container's CSP) no network.
import type { ContainerToLogic, Data, SystemInfo } from '../bridge/messages';
import type { BundleManifest } from '../bridge/manifest';
import { post, runScript, scope, settle } from './channel';
import { describe, onProgramError, report } from './errors';
import { unhandledRejection } from './wx/app-errors';
import { audioEvent, audioToBackground } from './wx/audio';
import { app, callApp, componentSpec, defineApp, defineComponent, definePage } from './framework/definitions';
import { applyProps, callMethod, createInstance, destroyInstance, goLive, instanceById, lifetime, pageLifetime, runCallbacks } from './framework/instance';
import { Navigator } from './framework/navigation';
import { placeComponent } from './framework/relations';
import { defineBehavior, emptySpec, initialData } from './framework/spec';
import { ModuleRegistry } from './modules';
import { mapStack } from './source-map';
import { shareContent } from './share';
import { createWx } from './wx';
import { loadStorage } from './wx/storage';
import { loadFiles } from './wx/file-tree';
import { intersectionChanged } from './wx/intersection-observer';
import { socketEvent } from './wx/socket';
import { windowResized } from './wx/window-resize';
import { appHidden, appShown } from './wx/app-events';

const globals = self as unknown as Record<string, unknown>;
const registry = new ModuleRegistry();
let navigator: Navigator | undefined;
let system: SystemInfo | undefined;

function currentNavigator(): Navigator {
  if (!navigator) {
    throw new Error('the program has not launched');
  }
  return navigator;
}

// WeChat's logic layer is a bare JavaScript engine: a program reaches the network through wx.request,
// wx.connectSocket and the like only, and libraries that look for fetch or XMLHttpRequest find none. The
// Worker's own network APIs are removed to match (the container's CSP blocks them besides), wherever on the
// global's prototype chain the browser defines them.
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource']) {
  for (let owner: object | null = self; owner; owner = Object.getPrototypeOf(owner)) {
    Reflect.deleteProperty(owner, name);
  }
}

globals['__capsuleDefine'] = (path: string, factory: Parameters<ModuleRegistry['define']>[1]) => registry.define(path, factory);
globals['App'] = (options: Data) => defineApp(options);
globals['getApp'] = () => app;
globals['Page'] = (options: Data) => definePage(options);
globals['Component'] = (options: Data) => defineComponent(options);
globals['Behavior'] = (options: Data) => defineBehavior(options ?? {});
globals['getCurrentPages'] = () => navigator?.pages() ?? [];
globals['requirePlugin'] = (name: string) => {
  throw new Error(`requirePlugin("${name}"): plugins are not available in Capsule`);
};

onProgramError((message) => {
  const onError = app['onError'];
  if (typeof onError === 'function') {
    onError.call(app, message);
  }
});

async function launch(message: Extract<ContainerToLogic, { type: 'launch' }>): Promise<void> {
  const manifest: BundleManifest = message.manifest;
  loadStorage(message.storage);
  loadFiles(message.files);
  system = message.system;
  globals['wx'] = createWx({ appId: String(manifest.app['appid'] ?? ''), system, launch: message.options, navigator: currentNavigator });
  runScript(message.logic);
  navigator = new Navigator(registry, manifest);
  if (registry.has('app.js')) {
    registry.require('app.js');
  }
  callApp('onLaunch', { ...message.options });
  appShown(message.options);
  // The first page opens in a task of its own, as WeChat's comes with the route event after the launch: what the
  // launch asked of APIs answered at once (wx.getSystemInfo's success, say) has been answered by then.
  await new Promise((resolve) => setTimeout(resolve));
  await navigator.launch(message.options.path || manifest.entryPagePath, message.options.query);
}

function attach(message: Extract<ContainerToLogic, { type: 'attach' }>): void {
  const created = instanceById(message.id);
  if (created) {
    created.node = message.node;
    goLive(created);
    return;
  }
  let spec;
  try {
    spec = componentSpec(registry, message.path);
  } catch (error) {
    report(error);
    spec = emptySpec();
  }
  const instance = createInstance({
    id: message.id,
    kind: 'component',
    path: message.path,
    spec,
    data: initialData(spec),
    pageId: message.pageId,
    ownerId: message.ownerId,
    node: message.node,
  });
  lifetime(instance, 'created');
  applyProps(instance, message.props);
  lifetime(instance, 'attached');
  goLive(instance);
  // Part of the page's first render: WeChat attaches it before the page shows, so it hears that first show too.
  const page = instanceById(message.pageId);
  if (page && !page.ready && navigator?.current?.instance === page) {
    pageLifetime(instance, 'show');
  }
}

function onRendered(ids: number[], callbacks: number[]): void {
  for (const id of ids) {
    const instance = instanceById(id);
    if (instance && instance.kind === 'component' && !instance.ready) {
      instance.ready = true;
      lifetime(instance, 'ready');
    }
  }
  runCallbacks(callbacks);
}

function onPageReady(pageId: number): void {
  const page = instanceById(pageId);
  if (page && !page.ready) {
    page.ready = true;
    lifetime(page, 'ready');
    callMethod(page, 'onReady');
  }
}

/** What a bindinput handler returned, when it replaces the field's value: a string, or { value, cursor }. */
function replacement(result: unknown): { value: string; cursor?: number } | undefined {
  if (typeof result === 'string') {
    return { value: result };
  }
  if (result && typeof result === 'object' && typeof (result as Data)['value'] === 'string') {
    const cursor = (result as Data)['cursor'];
    return typeof cursor === 'number' ? { value: (result as Data)['value'] as string, cursor } : { value: (result as Data)['value'] as string };
  }
  return undefined;
}

function onEvent(instanceId: number, handler: string, event: Data, field: number | undefined): void {
  const instance = instanceById(instanceId);
  if (!instance) {
    return;
  }
  if (typeof instance.self[handler] !== 'function') {
    console.warn(`Component "${instance.path}" does not have a method "${handler}" to handle event "${String(event['type'])}".`);
    return;
  }
  const result = callMethod(instance, handler, event);
  const value = field === undefined ? undefined : replacement(result);
  if (field !== undefined && value) {
    post({ type: 'field-value', field, ...value });
  }
}

async function handle(message: ContainerToLogic): Promise<void> {
  switch (message.type) {
    case 'launch':
      try {
        await launch(message);
      } catch (error) {
        const message = describe(error);
        post({ type: 'launch-failed', message: await mapStack(message).catch(() => message) });
      }
      break;
    case 'attach':
      attach(message);
      break;
    case 'props': {
      const instance = instanceById(message.id);
      if (instance) {
        instance.node = message.node;
        applyProps(instance, message.props);
      }
      break;
    }
    case 'detach': {
      const instance = instanceById(message.id);
      if (instance) {
        destroyInstance(instance);
      }
      break;
    }
    case 'event':
      onEvent(message.instance, message.handler, message.event, message.field);
      break;
    case 'model': {
      const instance = instanceById(message.instance);
      const setData = instance?.self['setData'];
      if (typeof setData === 'function') {
        setData.call(instance?.self, { [message.path]: message.value });
      }
      break;
    }
    case 'placed':
      for (const item of message.items) {
        placeComponent(item.id, item.ancestors);
      }
      break;
    case 'intersection':
      intersectionChanged(message.observer, message.result);
      break;
    case 'rendered':
      onRendered(message.ids, message.callbacks);
      break;
    case 'page-ready':
      onPageReady(message.pageId);
      break;
    case 'page-event': {
      const page = instanceById(message.pageId);
      if (page) {
        callMethod(page, message.name, message.arg);
      }
      break;
    }
    case 'background':
      if (navigator) {
        navigator.background();
        appHidden();
        audioToBackground(navigator.manifest.app);
      }
      break;
    case 'foreground':
      if (navigator) {
        const page = navigator.current;
        appShown({ path: page?.route ?? '', query: { ...page?.query }, ...message.enter });
        navigator.foreground();
      }
      break;
    case 'resize':
      if (system) {
        currentNavigator().resize(windowResized(system, message.screenWidth, message.screenHeight, currentNavigator().customNavigation()));
      }
      break;
    case 'api-result':
    case 'package-loaded':
      settle(message.callId, message);
      break;
    case 'navigate': {
      const result = await currentNavigator().navigate(message.mode, message.url, message.delta ?? 1);
      post({ type: 'navigate-result', callId: message.callId, ok: result.ok, errMsg: result.errMsg, route: currentNavigator().current?.route ?? '' });
      break;
    }
    case 'share':
      post({ type: 'share-content', callId: message.callId, content: await shareContent(currentNavigator().current, message.from) });
      break;
    case 'socket':
      socketEvent(message.socketId, message.event, message.detail);
      break;
    case 'audio-event':
      audioEvent(message);
      break;
    case 'ping':
      post({ type: 'pong', seq: message.seq });
      break;
  }
}

scope.addEventListener('message', (event) => {
  handle(event.data).catch(report);
});

scope.addEventListener('error', (event) => {
  // Reported here, with the stack mapped; not also to the container as the Worker's "Uncaught" error event.
  event.preventDefault();
  report(event.error ?? event.message);
});

scope.addEventListener('unhandledrejection', (event) => {
  // Only the engine's own rejections: Promise libraries (Bluebird, common in older programs) dispatch a
  // look-alike CustomEvent on the global, which WeChat's logic layer, having no event target, never gets.
  if (!(event instanceof PromiseRejectionEvent)) {
    return;
  }
  unhandledRejection(event.reason, event.promise);
  report(event.reason);
});
