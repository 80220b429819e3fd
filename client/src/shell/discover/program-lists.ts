import { h } from '../dom';
import { t } from './messages';
import { programHref, shelf, type Shelf, type ShelfEntry } from './shelf';

/** The little square that stands for a program: its icon, or the first letter of its name. */
export function programIcon(entry: { name: string; iconUrl: string | null }): HTMLElement {
  if (entry.iconUrl && /^(https:|\/)/.test(entry.iconUrl)) {
    return h('img', { class: 'program-icon', src: entry.iconUrl, alt: '' });
  }
  return h('span', { class: 'program-icon', 'aria-hidden': 'true' }, entry.name.slice(0, 1));
}

/**
 * Recently used and My Mini Programs, each entry opening its program with the scene of where it is listed. Both
 * lists remove entries; My Mini Programs reorders by dragging and by the up and down buttons. Every change is sent
 * to the server and then the lists are drawn again from its answer.
 */
export function programLists(data: Shelf, scenes: { recent: number; mine: number }): HTMLElement {
  const root = h('div', { class: 'program-lists' });
  const draw = (next: Shelf) => root.replaceChildren(recentList(next.recent, scenes.recent, change), mineList(next.mine, scenes.mine, change));
  const change = (action: Promise<unknown>) => {
    root.setAttribute('aria-busy', 'true');
    action
      .then(() => shelf.read())
      .then(draw)
      .catch((error: unknown) => root.append(h('p', { class: 'form-error', role: 'alert' }, t('failed', { error: String(error) }))))
      .finally(() => root.removeAttribute('aria-busy'));
  };
  draw(data);
  return root;
}

type Change = (action: Promise<unknown>) => void;

function entryLink(entry: ShelfEntry, scene: number): HTMLElement {
  return h('a', { class: 'shelf-link', href: programHref(entry.appId, scene) }, programIcon(entry), h('span', { class: 'shelf-name' }, entry.name));
}

function button(label: string, text: string, onClick: () => void): HTMLButtonElement {
  const element = h('button', { type: 'button', class: 'shelf-button', 'aria-label': label, title: label }, text);
  element.onclick = onClick;
  return element;
}

function recentList(entries: ShelfEntry[], scene: number, change: Change): HTMLElement {
  return h(
    'section',
    { class: 'shelf-section', 'data-list': 'recent' },
    h('h2', {}, t('recent')),
    entries.length === 0
      ? h('p', { class: 'muted' }, t('noRecent'))
      : h('ul', { class: 'shelf' }, ...entries.map((entry) =>
          h('li', { 'data-appid': entry.appId }, entryLink(entry, scene), button(t('remove', { name: entry.name }), '×', () => change(shelf.forgetRecent(entry.appId)))),
        )),
  );
}

function mineList(entries: ShelfEntry[], scene: number, change: Change): HTMLElement {
  const order = entries.map((e) => e.appId);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) {
      return;
    }
    const next = [...order];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved as string);
    change(shelf.reorderMine(next));
  };
  const items = entries.map((entry, index) => {
    const item = h(
      'li',
      { 'data-appid': entry.appId, draggable: 'true' },
      entryLink(entry, scene),
      button(t('up', { name: entry.name }), '↑', () => move(index, index - 1)),
      button(t('down', { name: entry.name }), '↓', () => move(index, index + 1)),
      button(t('remove', { name: entry.name }), '×', () => change(shelf.removeFromMine(entry.appId))),
    );
    item.ondragstart = (event) => event.dataTransfer?.setData('text/x-capsule-index', String(index));
    item.ondragover = (event) => event.preventDefault();
    item.ondrop = (event) => {
      event.preventDefault();
      const from = Number(event.dataTransfer?.getData('text/x-capsule-index'));
      if (Number.isInteger(from)) {
        move(from, index);
      }
    };
    return item;
  });
  return h(
    'section',
    { class: 'shelf-section', 'data-list': 'mine' },
    h('h2', {}, t('mine')),
    entries.length === 0 ? h('p', { class: 'muted' }, t('noMine')) : h('ul', { class: 'shelf' }, ...items),
  );
}
