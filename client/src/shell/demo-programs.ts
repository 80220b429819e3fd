import { api } from './api';
import { h } from './dom';
import { messages } from './i18n';

const t = messages(
  { title: 'Demo mini programs', none: 'No mini programs are published on this server yet.', failed: 'Could not load mini programs: {error}' },
  { title: '示例小程序', none: '这个服务器还没有发布小程序。', failed: '无法加载小程序：{error}' },
);

/** The demo mini programs this server publishes, each opening in the runtime; the list fills itself. */
export function demoPrograms(): HTMLElement {
  const list = h('ul', { class: 'program-list', 'aria-busy': 'true' });
  api
    .demoPrograms()
    .then((programs) => {
      list.removeAttribute('aria-busy');
      if (programs.length === 0) {
        list.append(h('li', { class: 'empty' }, t('none')));
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
      list.append(h('li', { class: 'error', role: 'alert' }, t('failed', { error: String(error) })));
    });
  return h('section', { class: 'demo-programs' }, h('h2', {}, t('title')), list);
}
