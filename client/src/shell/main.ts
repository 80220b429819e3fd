import { h } from './dom';
import { demoPrograms } from './demo-programs';
import { language, setLanguage } from './i18n';
import { renderMe } from './me';
import { renderProgram } from './program-view';
import { isSignedIn, restoreSession } from './session';
import { applyTheme } from './theme';
import { tabPage, tabTitle } from './tabs';
import { renderWelcome } from './welcome';
import './styles.css';

/** A page of the shell: draws itself into root and may return what to undo when the user leaves it. */
type Page = (root: HTMLElement, params: URLSearchParams) => (() => void) | void;

const root = document.getElementById('app') as HTMLElement;
let cleanup: (() => void) | undefined;

const go = (hash: string) => (location.hash === hash ? route() : (location.hash = hash));

/** The shell's routes, by the first part of the hash; `#/mp/<appid>` runs a mini program. */
const pages: Record<string, Page> = {
  chats: (r) => r.replaceChildren(tabPage(tabTitle('chats'), 'chats', [demoPrograms()])),
  contacts: (r) => r.replaceChildren(tabPage(tabTitle('contacts'), 'contacts', [])),
  discover: (r) => r.replaceChildren(tabPage(tabTitle('discover'), 'discover', [demoPrograms()])),
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
  const [, section = 'chats', rest = ''] = /^#\/([^/?]*)\/?([^?]*)/.exec(location.hash) ?? [];
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  if (section === 'mp' && rest) {
    cleanup = renderProgram(root, decodeURIComponent(rest)) ?? undefined;
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
