import { request } from '../api';
import { programHref, Scene } from '../discover/shelf';
import { programIcon } from '../discover/program-lists';
import { h } from '../dom';
import { messages } from '../i18n';
import { tabPage } from '../tabs';
import '../discover/discover.css';

const t = messages(
  {
    title: 'Search',
    placeholder: 'Mini program name',
    search: 'Search',
    none: 'No mini program has exactly this name.',
    hint: 'Type the exact name of a mini program.',
    failed: 'Search failed: {error}',
  },
  {
    title: '搜一搜',
    placeholder: '小程序名称',
    search: '搜索',
    none: '没有名称完全相同的小程序。',
    hint: '输入小程序的完整名称。',
    failed: '搜索失败：{error}',
  },
);

interface SearchAnswer {
  query: string;
  results: { appId: string; name: string; description: string; iconUrl?: string | null }[];
}

/** The top bar's search button (Chats), leading to Search. */
export function searchButton(): HTMLElement {
  return h('a', { href: '#/search', 'aria-label': t('title'), title: t('title'), 'data-action': 'search' }, '⌕');
}

/** Search (`#/search?q=`): a mini program is found only by its exact name, as in WeChat; a result opens with scene 1005. */
export function renderSearch(root: HTMLElement, params: URLSearchParams): void {
  const input = h('input', { type: 'search', name: 'q', placeholder: t('placeholder'), 'aria-label': t('placeholder'), maxlength: '64', autocomplete: 'off', value: params.get('q') ?? '' });
  const form = h('form', { class: 'search-form', role: 'search' }, input, h('button', { type: 'submit' }, t('search')));
  const results = h('div', { class: 'search-results', role: 'status' }, h('p', { class: 'muted' }, t('hint')));
  const back = h('a', { href: '#/chats', 'aria-label': 'Back' }, '‹');
  root.replaceChildren(tabPage(t('title'), 'discover', [form, results], [back]));
  const run = (query: string) => {
    results.setAttribute('aria-busy', 'true');
    request<SearchAnswer>('GET', `/api/search?q=${encodeURIComponent(query)}`)
      .then((answer) =>
        results.replaceChildren(
          ...(answer.results.length === 0
            ? [h('p', { class: 'search-none' }, t('none'))]
            : answer.results.map((result) =>
                h(
                  'a',
                  { class: 'program-card search-result', href: programHref(result.appId, Scene.search) },
                  programIcon({ name: result.name, iconUrl: result.iconUrl ?? null }),
                  h('span', { class: 'program-text' }, h('strong', {}, result.name), h('small', {}, result.description)),
                ),
              )),
        ),
      )
      .catch((error: unknown) => results.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, t('failed', { error: error instanceof Error ? error.message : String(error) }))))
      .finally(() => results.removeAttribute('aria-busy'));
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query) {
      run(query);
    }
  };
  if (input.value.trim()) {
    run(input.value.trim());
  }
  input.focus();
}
