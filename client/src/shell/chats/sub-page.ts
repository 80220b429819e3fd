import { h } from '../dom';
import { t } from './messages';

/** A page pushed over the tabs (a conversation, Moments): a top bar with a back link and a title, then the content. */
export function subPage(title: HTMLElement, back: string, content: Node[], actions: Node[] = []): HTMLElement {
  return h(
    'div',
    { class: 'sub-page' },
    h('header', { class: 'top-bar' }, h('a', { class: 'top-back', href: back, 'aria-label': t('back') }, '‹'), title, h('div', { class: 'top-actions' }, ...actions)),
    ...content,
  );
}
