import { scanAndOpen } from '../codes/scan-and-open';
import { demoPrograms } from '../demo-programs';
import { h } from '../dom';
import { tabPage } from '../tabs';
import { programLists } from './program-lists';
import { t } from './messages';
import { Scene, shelf } from './shelf';
import './discover.css';

function entry(href: string, icon: string, label: string, name: string): HTMLElement {
  return h('a', { class: 'discover-entry', href, 'data-entry': name }, h('span', { class: 'discover-icon', 'aria-hidden': 'true' }, icon), h('span', {}, label), h('span', { class: 'chevron', 'aria-hidden': 'true' }, '›'));
}

/**
 * Discover: Moments, Scan, Search, and — once the person has opened a mini program — Mini Programs.
 * The demo programs stay listed below as a way to a first program.
 */
export function renderDiscover(root: HTMLElement): void {
  const scan = h('button', { type: 'button', class: 'discover-entry', 'data-entry': 'scan' }, h('span', { class: 'discover-icon', 'aria-hidden': 'true' }, '⌗'), h('span', {}, t('scan')), h('span', { class: 'chevron', 'aria-hidden': 'true' }, '›'));
  scan.onclick = () => scanAndOpen();
  const programs = h('div', { class: 'discover-group', hidden: '' }, entry('#/mini-programs', '◎', t('miniPrograms'), 'mini-programs'));
  root.replaceChildren(
    tabPage(t('discover'), 'discover', [
      h('div', { class: 'discover-group' }, entry('#/moments', '◐', t('moments'), 'moments')),
      h('div', { class: 'discover-group' }, scan, entry('#/search', '⌕', t('search'), 'search')),
      programs,
      demoPrograms(),
    ]),
  );
  shelf
    .read()
    .then((data) => (programs.hidden = !data.hasUsedPrograms))
    .catch(() => (programs.hidden = true));
}

/** Discover → Mini Programs: recently used (scene 1001) and My Mini Programs (scene 1103). */
export function renderMiniPrograms(root: HTMLElement): void {
  const content = h('div', { class: 'mini-programs', 'aria-busy': 'true' });
  const back = h('a', { href: '#/discover', 'aria-label': t('discover') }, '‹');
  root.replaceChildren(tabPage(t('miniPrograms'), 'discover', [content], [back]));
  shelf
    .read()
    .then((data) => content.replaceChildren(programLists(data, { recent: Scene.discoverRecent, mine: Scene.discoverMine })))
    .catch((error: unknown) => content.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, t('failed', { error: String(error) }))))
    .finally(() => content.removeAttribute('aria-busy'));
}
