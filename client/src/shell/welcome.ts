import { api, ApiError } from './api';
import { h } from './dom';
import { messages } from './i18n';
import { setCurrentUser } from './session';

const t = messages(
  {
    tagline: 'Chat, and use mini programs without installing anything.',
    signIn: 'Sign in',
    signUp: 'Create account',
    email: 'Email',
    password: 'Password',
    nickname: 'Name',
    haveAccount: 'I already have an account',
    newHere: 'I am new here',
    working: 'One moment…',
  },
  {
    tagline: '聊天，并使用无需安装的小程序。',
    signIn: '登录',
    signUp: '注册',
    email: '邮箱',
    password: '密码',
    nickname: '名字',
    haveAccount: '已有账号，去登录',
    newHere: '新用户注册',
    working: '请稍候…',
  },
);

function field(label: string, input: HTMLInputElement): HTMLLabelElement {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

/** Sign-up and sign-in: the only page shown to someone who is not signed in. */
export function renderWelcome(root: HTMLElement, onSignedIn: () => void): void {
  let signingUp = true;
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: '' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', required: '' });
  const nickname = h('input', { type: 'text', name: 'nickname', autocomplete: 'nickname', maxlength: '64', required: '' });
  const nicknameField = field(t('nickname'), nickname);
  const submit = h('button', { type: 'submit', class: 'primary' }, t('signUp'));
  const error = h('p', { class: 'form-error', role: 'alert' });
  const toggle = h('button', { type: 'button', class: 'link' }, t('haveAccount'));
  const form = h('form', { class: 'welcome-form' }, nicknameField, field(t('email'), email), field(t('password'), password), error, submit, toggle);

  const show = () => {
    nicknameField.hidden = !signingUp;
    nickname.required = signingUp;
    password.autocomplete = signingUp ? 'new-password' : 'current-password';
    submit.textContent = signingUp ? t('signUp') : t('signIn');
    toggle.textContent = signingUp ? t('haveAccount') : t('newHere');
    error.textContent = '';
  };
  toggle.onclick = () => {
    signingUp = !signingUp;
    show();
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    submit.disabled = true;
    submit.textContent = t('working');
    const call = signingUp ? api.signUp(email.value, password.value, nickname.value) : api.signIn(email.value, password.value);
    call
      .then((profile) => {
        setCurrentUser(profile);
        onSignedIn();
      })
      .catch((failure: unknown) => {
        submit.disabled = false;
        show();
        error.textContent = failure instanceof ApiError ? failure.message : String(failure);
      });
  };
  root.replaceChildren(
    h('main', { class: 'welcome' }, h('img', { src: '/icon.svg', alt: '', class: 'welcome-logo' }), h('h1', {}, 'Capsule'), h('p', { class: 'muted' }, t('tagline')), form),
  );
}
