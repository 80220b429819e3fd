import { attachProgramsPanel, pinnedPrograms } from '../discover/programs-panel';
import { h } from '../dom';
import { searchButton } from '../search/search-page';
import { currentUser } from '../session';
import { tabPage, tabTitle } from '../tabs';
import { errorText, shortTime, t } from './messages';
import { onConversation, onMessage, startRealtime } from './realtime';
import { social, type ConversationSummary, type MessageView } from './social-api';
import './social.css';

/** The text a list shows for a message: its text, or "[Mini Program] title" for a card. */
export function preview(message: MessageView): string {
  const text = message.kind === 'card' ? t('card', { title: message.card?.title ?? '' }) : (message.text ?? '');
  return message.senderId === currentUser().id ? `${t('you')}: ${text}` : text;
}

function item(chat: ConversationSummary): HTMLElement {
  return h(
    'li',
    { 'data-chat': String(chat.id) },
    h(
      'a',
      { class: 'chat-item', href: `#/chat?id=${chat.id}` },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, chat.kind === 'group' ? '👥' : chat.title.slice(0, 1)),
      h(
        'span',
        { class: 'chat-text' },
        h('span', { class: 'chat-line' }, h('strong', { class: 'chat-title' }, chat.title), h('small', { class: 'muted' }, chat.lastMessage ? shortTime(chat.lastMessage.sentAt) : '')),
        h('small', { class: 'chat-preview muted' }, chat.lastMessage ? preview(chat.lastMessage) : ''),
      ),
      chat.unread > 0 ? h('span', { class: 'badge', 'aria-label': `${chat.unread}` }, chat.unread > 99 ? '99+' : String(chat.unread)) : null,
    ),
  );
}

/**
 * Chats: the conversation list, the most recent first, kept live. The page's scroller holds, above the list, an
 * empty slot (`.chats-pinned`, data-slot="pinned") for programs shown on top and the pull-down programs panel.
 */
export function renderChats(root: HTMLElement): () => void {
  const slot = h('div', { class: 'chats-pinned', 'data-slot': 'pinned' }, pinnedPrograms());
  const list = h('ul', { class: 'conversation-list', 'aria-busy': 'true' });
  const status = h('p', { class: 'muted empty', role: 'status' });
  const scroller = h('div', { class: 'chats-scroller' }, slot, list, status);
  const newGroup = h('a', { href: '#/contacts?group=1', 'aria-label': t('newGroup'), title: t('newGroup') }, '＋');
  root.replaceChildren(tabPage(tabTitle('chats'), 'chats', [scroller], [searchButton(), newGroup]));
  const detachPanel = attachProgramsPanel(root.querySelector('.tab-content') as HTMLElement);
  let stale = false;
  const load = () => {
    social
      .chats()
      .then((chats) => {
        list.removeAttribute('aria-busy');
        list.replaceChildren(...chats.map(item));
        status.textContent = chats.length === 0 ? t('noChats') : '';
      })
      .catch((error: unknown) => (status.textContent = errorText(error)));
  };
  const refresh = () => {
    if (!stale) {
      stale = true;
      queueMicrotask(() => {
        stale = false;
        load();
      });
    }
  };
  load();
  const stopMessages = onMessage(refresh);
  const stopConversations = onConversation(refresh);
  startRealtime().catch((error: unknown) => (status.textContent = errorText(error)));
  return () => {
    detachPanel();
    stopMessages();
    stopConversations();
  };
}
