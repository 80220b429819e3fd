import { api, ApiError } from './api';
import { myQrCode } from './codes/qr-display';
import { h } from './dom';
import { language, messages, setLanguage, type Language } from './i18n';
import { currentUser, setCurrentUser } from './session';
import { tabPage, tabTitle } from './tabs';
import { applyTheme, theme, type Theme } from './theme';

const t = messages(
  {
    name: 'Name',
    save: 'Save',
    saved: 'Saved',
    language: 'Language',
    theme: 'Appearance',
    system: 'Same as system',
    light: 'Light',
    dark: 'Dark',
    signOut: 'Sign out',
    capsuleId: 'Capsule ID: {handle}',
  },
  {
    name: '名字',
    save: '保存',
    saved: '已保存',
    language: '语言',
    theme: '外观',
    system: '跟随系统',
    light: '浅色',
    dark: '深色',
    signOut: '退出登录',
    capsuleId: 'Capsule 号：{handle}',
  },
);

function choice<T extends string>(label: string, options: [T, string][], value: T, onChange: (next: T) => void): HTMLElement {
  const select = h('select', { 'aria-label': label }, ...options.map(([key, text]) => h('option', { value: key, selected: key === value ? '' : undefined }, text)));
  select.onchange = () => onChange(select.value as T);
  return h('label', { class: 'setting' }, h('span', {}, label), select);
}

/** Me: who I am, my name, language and appearance, and signing out. */
export function renderMe(root: HTMLElement, onSignedOut: () => void): void {
  const me = currentUser();
  const nickname = h('input', { type: 'text', value: me.nickname, maxlength: '64', 'aria-label': t('name') });
  const status = h('span', { class: 'muted', role: 'status' });
  const save = h('button', { type: 'submit' }, t('save'));
  const profileForm = h('form', { class: 'setting' }, h('span', {}, t('name')), nickname, save, status);
  profileForm.onsubmit = (event) => {
    event.preventDefault();
    api
      .updateProfile(nickname.value, me.avatarUrl)
      .then((profile) => {
        setCurrentUser(profile);
        status.textContent = t('saved');
        heading.textContent = profile.nickname;
      })
      .catch((error: unknown) => (status.textContent = error instanceof ApiError ? error.message : String(error)));
  };
  const heading = h('strong', { class: 'profile-name' }, me.nickname);
  const signOut = h('button', { type: 'button', class: 'danger' }, t('signOut'));
  signOut.onclick = () => {
    api.signOut().finally(() => {
      setCurrentUser(undefined);
      onSignedOut();
    });
  };
  const rerender = () => renderMe(root, onSignedOut);
  root.replaceChildren(
    tabPage(tabTitle('me'), 'me', [
      h('section', { class: 'card profile' }, h('span', { class: 'avatar', 'aria-hidden': 'true' }, me.nickname.slice(0, 1)), h('div', {}, heading, h('small', { class: 'muted' }, me.email), me.handle && h('small', { class: 'muted profile-handle' }, t('capsuleId', { handle: me.handle })))),
      h('section', { class: 'card my-code' }, myQrCode()),
      h(
        'section',
        { class: 'card settings' },
        profileForm,
        choice<Language>(t('language'), [['en', 'English'], ['zh', '简体中文']], language(), (next) => {
          setLanguage(next);
          rerender();
        }),
        choice<Theme>(t('theme'), [['system', t('system')], ['light', t('light')], ['dark', t('dark')]], theme(), (next) => {
          applyTheme(next);
          rerender();
        }),
      ),
      h('section', { class: 'card' }, signOut),
    ]),
  );
}
