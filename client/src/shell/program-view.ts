import type { ContainerToShell, LaunchMessage } from '../runtime/bridge/messages';
import { api, getText, type LaunchInfo } from './api';
import { h } from './dom';

/**
 * Opens a mini program: a navigation bar drawn by the shell, and below it the program's container,
 * an iframe with sandbox="allow-scripts" so the program runs in an opaque origin, apart from the shell.
 */
export function renderProgram(root: HTMLElement, appId: string): () => void {
  const title = h('span', { class: 'nav-title' }, '');
  const close = h('a', { class: 'capsule-close', href: '#/', 'aria-label': 'Close mini program' }, '⊙');
  const bar = h('header', { class: 'nav-bar' }, title, h('span', { class: 'capsule-button' }, h('span', { 'aria-hidden': 'true' }, '···'), close));
  const status = h('div', { class: 'program-status', role: 'status' }, 'Opening…');
  const frame = h('iframe', {
    class: 'mp-container',
    sandbox: 'allow-scripts',
    title: 'Mini program',
    src: '/container.html',
  });
  root.replaceChildren(h('section', { class: 'program' }, bar, status, frame));

  let launchMessage: LaunchMessage | undefined;
  const onMessage = (event: MessageEvent<ContainerToShell>) => {
    if (event.source !== frame.contentWindow) {
      return;
    }
    const message = event.data;
    if (message.type === 'container-ready' && launchMessage) {
      frame.contentWindow?.postMessage(launchMessage, '*');
    } else if (message.type === 'page-ready') {
      status.hidden = true;
      root.querySelector('.program')?.setAttribute('data-route', message.route);
    } else if (message.type === 'error') {
      showError(status, message.message);
    }
  };
  window.addEventListener('message', onMessage);

  prepare(appId)
    .then(({ info, message }) => {
      launchMessage = message;
      applyWindow(bar, title, info);
      document.title = info.name;
      frame.contentWindow?.postMessage(message, '*');
    })
    .catch((error: unknown) => showError(status, error instanceof Error ? error.message : String(error)));

  return () => window.removeEventListener('message', onMessage);
}

async function prepare(appId: string): Promise<{ info: LaunchInfo; message: LaunchMessage }> {
  const info = await api.launch(appId);
  const { baseUrl, manifest } = info.bundle;
  const route = manifest.entryPagePath;
  const styleFiles = [manifest.appStyle, manifest.pageStyles[route]].filter((f): f is string => Boolean(f));
  const [view, logic, ...styles] = await Promise.all([manifest.view, manifest.logic, ...styleFiles].map((f) => getText(baseUrl + f)));
  return {
    info,
    message: { type: 'launch', appId, view: view ?? '', logic: logic ?? '', styles, route, query: {} },
  };
}

function applyWindow(bar: HTMLElement, title: HTMLElement, info: LaunchInfo): void {
  const { manifest } = info.bundle;
  const settings = { ...(manifest.window ?? {}), ...(manifest.pageConfigs[manifest.entryPagePath] ?? {}) };
  const text = settings['navigationBarTitleText'];
  title.textContent = typeof text === 'string' ? text : info.name;
  const background = settings['navigationBarBackgroundColor'];
  if (typeof background === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(background)) {
    bar.style.background = background;
  }
  bar.classList.toggle('light-text', settings['navigationBarTextStyle'] === 'white');
}

function showError(status: HTMLElement, message: string): void {
  status.hidden = false;
  status.classList.add('error');
  status.textContent = `This mini program could not run: ${message}`;
}
