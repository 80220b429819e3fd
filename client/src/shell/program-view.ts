import type { LaunchOptions, NavigationBar } from '../runtime/bridge/messages';
import { ProgramHost } from '../host/program-host';
import { api } from './api';
import { shareRunningProgram } from './chats/share-picker';
import { social } from './chats/social-api';
import { h } from './dom';

/**
 * Opens a mini program: a navigation bar drawn by the shell, and below it the program's container,
 * an iframe with sandbox="allow-scripts" so the program runs in an opaque origin, apart from the shell.
 */
export function renderProgram(root: HTMLElement, appId: string, params: URLSearchParams): () => void {
  const title = h('span', { class: 'nav-title' }, '');
  const back = h('button', { class: 'nav-back', type: 'button', 'aria-label': 'Back', hidden: '' }, '‹');
  const close = h('a', { class: 'capsule-close', href: '#/', 'aria-label': 'Close mini program' }, '⊙');
  const share = h('button', { class: 'capsule-share', type: 'button', 'aria-label': 'Share' }, '···');
  const bar = h('header', { class: 'nav-bar' }, back, title, h('span', { class: 'capsule-button' }, share, close));
  const status = h('div', { class: 'program-status', role: 'status' }, 'Opening…');
  const section = h('section', { class: 'program' }, bar, status);
  root.replaceChildren(section);
  let host: ProgramHost | undefined;

  api
    .launch(appId)
    .then((info) => {
      document.title = info.name;
      title.textContent = info.name;
      host = new ProgramHost({
        appId,
        userId: 'me',
        manifest: info.bundle.manifest,
        baseUrl: info.bundle.baseUrl,
        options: launchOptions(params, info.bundle.manifest.entryPagePath),
        onShare: (from) => void shareRunningProgram({ host: host!, appId, name: info.name }, from),
        onShareMenu: (shown) => (share.hidden = !shown),
        getShareInfo: (ticket) => social.shareInfo(appId, ticket).then(({ shareTicket }) => ({ shareTicket })),
        name: info.name,
        onNavigationBar: (navigation) => applyBar(bar, title, back, navigation, info.name),
        onPageReady: (route) => {
          status.hidden = true;
          section.setAttribute('data-route', route);
        },
        onFatal: (message) => showError(status, message),
        onExit: () => (location.hash = '#/'),
      });
      back.onclick = () => host?.back();
      share.onclick = () => void shareRunningProgram({ host: host!, appId, name: info.name }, 'menu');
      section.appendChild(host.frame);
    })
    .catch((error: unknown) => showError(status, error instanceof Error ? error.message : String(error)));

  return () => host?.dispose();
}

/** `#/mp/<appid>?path=<page?query>&scene=<n>&shareTicket=<t>`: where and how the program opens. */
function launchOptions(params: URLSearchParams, entry: string): LaunchOptions {
  const [page = '', query = ''] = (params.get('path') ?? '').replace(/^\//, '').split('?');
  const shareTicket = params.get('shareTicket');
  return {
    path: page || entry,
    query: Object.fromEntries(new URLSearchParams(query)),
    scene: Number(params.get('scene')) || 1001,
    ...(shareTicket ? { shareTicket } : {}),
  };
}

function applyBar(bar: HTMLElement, title: HTMLElement, back: HTMLElement, navigation: NavigationBar, name: string): void {
  title.textContent = navigation.title || name;
  if (/^#[0-9a-fA-F]{3,8}$/.test(navigation.backgroundColor)) {
    bar.style.background = navigation.backgroundColor;
  }
  bar.classList.toggle('light-text', navigation.frontColor === 'white');
  bar.classList.toggle('loading', navigation.loading);
  back.hidden = !navigation.canGoBack;
}

function showError(status: HTMLElement, message: string): void {
  status.hidden = false;
  status.classList.add('error');
  status.textContent = `This mini program could not run: ${message}`;
}
