import { api } from './api';
import { h } from './dom';

/** The start page: the demo mini programs this server publishes, each opening in the runtime. */
export function renderHome(root: HTMLElement): void {
  const list = h('ul', { class: 'program-list', 'aria-busy': 'true' });
  root.replaceChildren(
    h('header', { class: 'top-bar' }, h('h1', {}, 'Capsule')),
    h('main', { class: 'home' }, h('h2', {}, 'Mini programs'), list),
  );
  api
    .demoPrograms()
    .then((programs) => {
      list.removeAttribute('aria-busy');
      if (programs.length === 0) {
        list.append(h('li', { class: 'empty' }, 'No mini programs are published on this server yet.'));
      }
      for (const program of programs) {
        list.append(
          h(
            'li',
            {},
            h(
              'a',
              { class: 'program-card', href: `#/mp/${program.appId}` },
              h('span', { class: 'program-icon', 'aria-hidden': 'true' }, program.name.slice(0, 1)),
              h('span', { class: 'program-text' }, h('strong', {}, program.name), h('small', {}, program.description)),
            ),
          ),
        );
      }
    })
    .catch((error: unknown) => {
      list.removeAttribute('aria-busy');
      list.append(h('li', { class: 'error', role: 'alert' }, `Could not load mini programs: ${String(error)}`));
    });
}
