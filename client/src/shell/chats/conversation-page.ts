import { h } from '../dom';
import { currentUser } from '../session';
import { renderCard } from './card';
import { errorText, shortTime, t } from './messages';
import { onConversation, onMessage, sendReliably, startRealtime } from './realtime';
import { social, type ConversationDetail, type MessageView } from './social-api';
import { subPage } from './sub-page';
import './social.css';

function bubble(message: MessageView, group: boolean): HTMLElement {
  const mine = message.senderId === currentUser().id;
  return h(
    'li',
    { class: mine ? 'message mine' : 'message', 'data-id': String(message.id) },
    group && !mine ? h('small', { class: 'sender muted' }, message.senderNickname) : null,
    message.kind === 'card' && message.card ? renderCard(message.card, group) : h('span', { class: 'bubble' }, message.text ?? ''),
    h('time', { class: 'muted', datetime: message.sentAt }, shortTime(message.sentAt)),
  );
}

/** The members panel of a group: rename, add friends, remove (owner) or leave. */
function membersPanel(detail: ConversationDetail, status: HTMLElement): HTMLElement {
  const me = currentUser().id;
  const name = h('input', { type: 'text', value: detail.title, maxlength: '64', 'aria-label': t('groupName') });
  const rename = h('form', { class: 'row' }, name, h('button', { type: 'submit' }, t('rename')));
  rename.onsubmit = (event) => {
    event.preventDefault();
    social.rename(detail.id, name.value).catch((error: unknown) => (status.textContent = errorText(error)));
  };
  const members = detail.members.map((member) => {
    const remove = member.id === me ? h('button', { type: 'button', class: 'danger' }, t('leave')) : detail.ownerId === me ? h('button', { type: 'button' }, t('remove')) : null;
    if (remove) {
      remove.onclick = () =>
        social
          .removeMember(detail.id, member.id)
          .then(() => (member.id === me ? (location.hash = '#/chats') : undefined))
          .catch((error: unknown) => (status.textContent = errorText(error)));
    }
    return h('li', { class: 'row', 'data-user': member.id }, h('span', {}, member.nickname), remove);
  });
  const add = h('select', { multiple: '', 'aria-label': t('addMembers') });
  social
    .contacts()
    .then((contacts) =>
      add.append(...contacts.friends.filter((f) => !detail.members.some((m) => m.id === f.id)).map((f) => h('option', { value: f.id }, f.nickname))),
    )
    .catch((error: unknown) => (status.textContent = errorText(error)));
  const addForm = h('form', { class: 'row' }, add, h('button', { type: 'submit' }, t('addMembers')));
  addForm.onsubmit = (event) => {
    event.preventDefault();
    const ids = [...add.selectedOptions].map((o) => o.value);
    if (ids.length > 0) {
      social.addMembers(detail.id, ids).catch((error: unknown) => (status.textContent = errorText(error)));
    }
  };
  return h('section', { class: 'card members-panel' }, h('strong', {}, t('members', { count: detail.members.length })), rename, h('ul', { class: 'plain' }, ...members), addForm);
}

/** One conversation: history that pages backwards as you scroll up, live messages, and the composer. */
export function renderConversation(root: HTMLElement, params: URLSearchParams): () => void {
  const id = Number(params.get('id'));
  const title = h('h1', {}, '');
  const status = h('p', { class: 'muted', role: 'status' });
  const older = h('button', { type: 'button', class: 'load-older', hidden: '' }, t('loadOlder'));
  const list = h('ul', { class: 'messages', 'aria-live': 'polite' });
  const scroller = h('div', { class: 'message-scroller' }, older, list);
  const input = h('input', { type: 'text', maxlength: '4000', 'aria-label': t('message'), autocomplete: 'off' });
  const composer = h('form', { class: 'composer' }, input, h('button', { type: 'submit' }, t('send')));
  const panelHolder = h('div', {});
  const more = h('button', { type: 'button', 'aria-label': t('more'), hidden: '' }, '···');
  root.replaceChildren(subPage(title, '#/chats', [panelHolder, status, scroller, composer], [more]));
  let detail: ConversationDetail | undefined;
  let oldest: number | undefined;
  let loading = false;
  const group = () => detail?.kind === 'group';

  const showDetail = (next: ConversationDetail) => {
    detail = next;
    title.textContent = next.title;
    more.hidden = next.kind !== 'group';
    if (panelHolder.firstChild) {
      panelHolder.replaceChildren(membersPanel(next, status));
    }
  };
  more.onclick = () => panelHolder.replaceChildren(...(panelHolder.firstChild || !detail ? [] : [membersPanel(detail, status)]));

  const has = (messageId: number) => list.querySelector(`[data-id="${messageId}"]`) !== null;
  const append = (message: MessageView) => {
    if (message.conversationId !== id || has(message.id)) {
      return;
    }
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 60;
    list.append(bubble(message, group()));
    if (atBottom || message.senderId === currentUser().id) {
      scroller.scrollTop = scroller.scrollHeight;
    }
    if (document.visibilityState === 'visible') {
      void social.markRead(id, message.id);
    }
  };

  const loadOlder = () => {
    if (loading || oldest === undefined) {
      return;
    }
    loading = true;
    const before = scroller.scrollHeight - scroller.scrollTop;
    social
      .history(id, oldest)
      .then((page) => {
        list.prepend(...page.messages.filter((m) => !has(m.id)).map((m) => bubble(m, group())));
        oldest = page.messages[0]?.id ?? oldest;
        older.hidden = !page.hasMore;
        if (!page.hasMore) {
          oldest = undefined;
        }
        scroller.scrollTop = scroller.scrollHeight - before;
      })
      .catch((error: unknown) => (status.textContent = errorText(error)))
      .finally(() => (loading = false));
  };
  older.onclick = loadOlder;
  scroller.onscroll = () => {
    if (scroller.scrollTop < 40) {
      loadOlder();
    }
  };

  composer.onsubmit = (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) {
      return;
    }
    input.value = '';
    sendReliably(id, { text })
      .then(append)
      .catch((error: unknown) => {
        status.textContent = errorText(error);
        input.value = text;
      });
  };

  Promise.all([social.chat(id), social.history(id)])
    .then(([chat, page]) => {
      showDetail(chat);
      list.replaceChildren(...page.messages.map((m) => bubble(m, group())));
      oldest = page.hasMore ? page.messages[0]?.id : undefined;
      older.hidden = !page.hasMore;
      scroller.scrollTop = scroller.scrollHeight;
      const last = page.messages.at(-1);
      if (last) {
        void social.markRead(id, last.id);
      }
      input.focus();
    })
    .catch((error: unknown) => (status.textContent = errorText(error)));

  const stopMessages = onMessage(append);
  const stopConversations = onConversation((next) => {
    if (next.id !== id) {
      return;
    }
    if (!next.members.some((m) => m.id === currentUser().id)) {
      location.hash = '#/chats';
      return;
    }
    showDetail(next);
  });
  startRealtime().catch((error: unknown) => (status.textContent = errorText(error)));
  return () => {
    stopMessages();
    stopConversations();
  };
}
