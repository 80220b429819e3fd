import { h } from './dom';
import { messages } from './i18n';

export type Tab = 'chats' | 'contacts' | 'discover' | 'me';

const t = messages(
  { chats: 'Chats', contacts: 'Contacts', discover: 'Discover', me: 'Me' },
  { chats: '微信', contacts: '通讯录', discover: '发现', me: '我' },
);

const icons: Record<Tab, string> = { chats: '💬', contacts: '👥', discover: '🧭', me: '👤' };

export function tabTitle(tab: Tab): string {
  return t(tab);
}

/** A tab's page: the top bar with its title (and optional actions), the content, and the bottom tab bar. */
export function tabPage(title: string, active: Tab, content: Node[], actions: Node[] = []): HTMLElement {
  const tabs = (Object.keys(icons) as Tab[]).map((tab) =>
    h(
      'a',
      { class: 'tab', href: `#/${tab}`, 'data-tab': tab, 'aria-current': tab === active ? 'page' : undefined },
      h('span', { class: 'tab-icon', 'aria-hidden': 'true' }, icons[tab]),
      h('span', { class: 'tab-label' }, t(tab)),
    ),
  );
  return h(
    'div',
    { class: 'tab-page', 'data-tab': active },
    h('header', { class: 'top-bar' }, h('h1', {}, title), h('div', { class: 'top-actions' }, ...actions)),
    h('main', { class: 'tab-content' }, ...content),
    h('nav', { class: 'tab-bar', 'aria-label': 'Capsule' }, ...tabs),
  );
}
