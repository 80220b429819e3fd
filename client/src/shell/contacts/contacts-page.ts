import { request, type Profile } from '../api';
import { h } from '../dom';
import { currentUser, setCurrentUser } from '../session';
import { tabPage, tabTitle } from '../tabs';
import { errorText, t } from '../chats/messages';
import { social, type PublicUser, type Relation } from '../chats/social-api';
import '../chats/social.css';

function openChat(user: PublicUser, status: HTMLElement): void {
  social
    .openDirect(user.id)
    .then((chat) => (location.hash = `#/chat?id=${chat.id}`))
    .catch((error: unknown) => (status.textContent = errorText(error)));
}

/** My Capsule ID, and a form to choose another (unique regardless of case). */
function myId(status: HTMLElement): HTMLElement {
  const shown = h('span', {}, t('myId', { handle: currentUser().handle ?? '' }));
  const input = h('input', { type: 'text', maxlength: '20', 'aria-label': t('capsuleId'), value: currentUser().handle ?? '' });
  const form = h('form', { class: 'row my-id' }, shown, input, h('button', { type: 'submit' }, t('change')));
  form.onsubmit = (event) => {
    event.preventDefault();
    request<Profile>('PUT', '/api/account/handle', { handle: input.value.trim() })
      .then((profile) => {
        setCurrentUser(profile);
        shown.textContent = t('myId', { handle: profile.handle ?? '' });
      })
      .catch((error: unknown) => (status.textContent = errorText(error)));
  };
  return form;
}

function person(user: PublicUser, ...actions: Node[]): HTMLElement {
  return h(
    'li',
    { class: 'person', 'data-user': user.id },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, user.nickname.slice(0, 1)),
    h('span', { class: 'person-text' }, h('strong', {}, user.nickname), h('small', { class: 'muted' }, user.handle ?? '')),
    ...actions,
  );
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = h('button', { type: 'button' }, label);
  element.onclick = onClick;
  return element;
}

/** The group-creation sheet: a name and the friends to start with. */
function groupForm(friends: PublicUser[], status: HTMLElement, onDone: () => void): HTMLElement {
  const name = h('input', { type: 'text', maxlength: '64', required: '', 'aria-label': t('groupName'), placeholder: t('groupName') });
  const boxes = friends.map((friend) => h('input', { type: 'checkbox', value: friend.id, 'aria-label': friend.nickname }));
  const form = h(
    'form',
    { class: 'card group-form' },
    h('strong', {}, t('newGroup')),
    name,
    h('fieldset', {}, h('legend', {}, t('pickFriends')), ...boxes.map((box, i) => h('label', { class: 'row' }, box, h('span', {}, friends[i]?.nickname ?? '')))),
    h('div', { class: 'row' }, button(t('cancel'), onDone), h('button', { type: 'submit' }, t('create'))),
  );
  form.onsubmit = (event) => {
    event.preventDefault();
    const ids = boxes.filter((b) => b.checked).map((b) => b.value);
    social
      .createGroup(name.value, ids)
      .then((chat) => (location.hash = `#/chat?id=${chat.id}`))
      .catch((error: unknown) => (status.textContent = errorText(error)));
  };
  return form;
}

/**
 * Contacts: my Capsule ID, adding someone by theirs (`#/contacts/add?id=<Capsule ID or user id>`, where the QR scanner
 * lands), friend requests to accept, friends to message, and a new group (`#/contacts?group=1`).
 */
export function renderContacts(root: HTMLElement, params: URLSearchParams): void {
  const status = h('p', { class: 'muted', role: 'status' });
  const query = h('input', { type: 'text', maxlength: '64', 'aria-label': t('capsuleId'), placeholder: t('capsuleId'), value: params.get('id') ?? '' });
  const found = h('div', { class: 'lookup' });
  const finder = h('form', { class: 'card row add-contact' }, query, h('button', { type: 'submit' }, t('find')));
  const sheet = h('div', {});
  const lists = h('div', {});
  const newGroup = h('button', { type: 'button', 'aria-label': t('newGroup'), title: t('newGroup') }, '＋');
  root.replaceChildren(
    tabPage(tabTitle('contacts'), 'contacts', [
      myId(status),
      finder,
      found,
      status,
      sheet,
      lists,
      h('a', { class: 'card moments-link', href: '#/moments' }, t('moments')),
    ], [newGroup]),
  );

  const showFound = (user: PublicUser, relation: Relation) => {
    const actions: Node[] = [];
    if (relation === 'none' || relation === 'requestedYou') {
      actions.push(button(relation === 'none' ? t('add') : t('accept'), () => add(user.id)));
    } else if (relation === 'friend') {
      actions.push(button(t('startChat'), () => openChat(user, status)));
    }
    found.replaceChildren(h('ul', { class: 'plain' }, person(user, h('small', { class: 'relation' }, t(`relation_${relation}`)), ...actions)));
  };
  const load = () =>
    social
      .contacts()
      .then((contacts) => {
        const section = (heading: string, people: HTMLElement[]) =>
          people.length ? h('section', { class: 'card' }, h('h2', {}, heading), h('ul', { class: 'plain' }, ...people)) : '';
        lists.replaceChildren(
          section(t('requests'), contacts.requests.map((u) => person(u, button(t('accept'), () => add(u.id))))),
          section(t('friends'), contacts.friends.map((u) => person(u, button(t('startChat'), () => openChat(u, status))))),
          section(t('pending'), contacts.pending.map((u) => person(u))),
        );
        newGroup.onclick = () => sheet.replaceChildren(groupForm(contacts.friends, status, () => sheet.replaceChildren()));
        if (params.get('group')) {
          newGroup.click();
        }
      })
      .catch((error: unknown) => (status.textContent = errorText(error)));
  const add = (id: string) =>
    social
      .addContact(id)
      .then(({ user, relation }) => {
        showFound(user, relation);
        void load();
      })
      .catch((error: unknown) => (status.textContent = errorText(error)));
  const lookup = () => {
    status.textContent = '';
    social
      .lookup(query.value.trim())
      .then(({ user, relation }) => showFound(user, relation))
      .catch((error: unknown) => {
        found.replaceChildren();
        status.textContent = errorText(error);
      });
  };
  finder.onsubmit = (event) => {
    event.preventDefault();
    lookup();
  };
  void load();
  if (query.value) {
    lookup();
  }
}
