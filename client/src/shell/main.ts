import { renderChats } from './chats/chats-page';
import { renderConversation } from './chats/conversation-page';
import { renderContacts } from './contacts/contacts-page';
import { h } from './dom';
import { language, setLanguage } from './i18n';
import { renderMe } from './me';
import { renderMoments } from './moments/moments-page';
import { loadRuntimeAhead, renderProgram } from './program-view';
import { isSignedIn, restoreSession } from './session';
import { applyTheme } from './theme';
import { renderWelcome } from './welcome';
import { renderDiscover, renderMiniPrograms } from './discover/discover-page';
import { renderSearch } from './search/search-page';
import './styles.css';

/** A page of the shell: draws itself into root and may return what to undo when the user leaves it. */
type Page = (root: HTMLElement, params: URLSearchParams) => (() => void) | void;

const root = document.getElementById('app') as HTMLElement;
let cleanup: (() => void) | undefined;
/** Whether the signed-in shell has asked for the mini program runtime to be loaded ahead. */
let runtimeAhead = false;

const go = (hash: string) => (location.hash === hash ? route() : (location.hash = hash));

/** The shell's routes, by the first part of the hash; `#/mp/<appid>` runs a mini program. */
const pages: Record<string, Page> = {
  chats: renderChats,
  chat: renderConversation,
  contacts: renderContacts,
  moments: renderMoments,
  discover: renderDiscover,
  'mini-programs': renderMiniPrograms,
  search: renderSearch,
  me: (r) => renderMe(r, () => go('#/chats')),
};

function route(): void {
  cleanup?.();
  cleanup = undefined;
  if (!isSignedIn()) {
    document.title = 'Capsule';
    renderWelcome(root, route);
    return;
  }
  if (!runtimeAhead) {
    runtimeAhead = true;
    loadRuntimeAhead();
  }
  const [, section = 'chats', rest = ''] = /^#\/([^/?]*)\/?([^?]*)/.exec(location.hash) ?? [];
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  if (section === 'mp' && rest) {
    cleanup = renderProgram(root, decodeURIComponent(rest), params);
    return;
  }
  document.title = 'Capsule';
  const page = pages[section] ?? pages['chats'];
  cleanup = page?.(root, params) ?? undefined;
}

applyTheme();
setLanguage(language());
window.addEventListener('hashchange', route);
restoreSession()
  .then(route)
  .catch((error: unknown) => root.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `Capsule could not reach its server: ${String(error)}`)));
