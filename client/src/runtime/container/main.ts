// The container document: loaded in an iframe with sandbox="allow-scripts" (an opaque origin) and a
// CSP without network. It renders the view layer and hosts the logic Worker of one mini program.
import type { ContainerToLogic, ContainerToShell, LaunchMessage, LogicToContainer, PageData, VNode } from '../bridge/messages';
import LogicWorker from '../logic/worker?worker&inline';
import { renderInto } from '../view/render';
import '../view/base.css';

type RenderFunction = (data: PageData) => VNode;

const views = new Map<string, RenderFunction>();
let launched = false;

function toShell(message: ContainerToShell): void {
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

async function launch(message: LaunchMessage): Promise<void> {
  for (const css of message.styles) {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
  }
  (window as unknown as Record<string, unknown>)['__capsuleRegisterViews'] = (registered: Record<string, RenderFunction>) => {
    for (const [route, render] of Object.entries(registered)) {
      views.set(route, render);
    }
  };
  await loadScript(message.view);

  const root = document.createElement('div');
  root.className = 'capsule-page-root';
  document.body.appendChild(root);
  let firstPaint = true;

  const worker: Worker = new LogicWorker();
  const toLogic = (m: ContainerToLogic) => worker.postMessage(m);
  worker.addEventListener('message', (event: MessageEvent<LogicToContainer>) => {
    const m = event.data;
    if (m.type === 'error') {
      toShell({ type: 'error', message: m.message });
      return;
    }
    const render = views.get(m.route);
    if (!render) {
      toShell({ type: 'error', message: `page "${m.route}" has no view` });
      return;
    }
    try {
      renderInto(root, render(m.data));
    } catch (error) {
      toShell({ type: 'error', message: `rendering ${m.route} failed: ${String(error)}` });
      return;
    }
    toLogic({ type: 'rendered', route: m.route });
    if (firstPaint) {
      firstPaint = false;
      toShell({ type: 'page-ready', route: m.route });
    }
  });
  worker.addEventListener('error', (event) => toShell({ type: 'error', message: event.message }));
  toLogic({ type: 'load', logic: message.logic, route: message.route, query: message.query });
}

window.addEventListener('message', (event: MessageEvent<LaunchMessage>) => {
  if (event.source !== window.parent || event.data?.type !== 'launch' || launched) {
    return;
  }
  launched = true;
  launch(event.data).catch((error: unknown) => toShell({ type: 'error', message: String(error) }));
});

toShell({ type: 'container-ready' });
