import { h } from '../dom';
import { currentUser } from '../session';
import { errorText, shortTime, t } from '../chats/messages';
import { social, type MomentView } from '../chats/social-api';
import { subPage } from '../chats/sub-page';
import '../chats/social.css';

function https(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Moments: my friends' and my posts, newest first, with likes and comments. Text and images only: there is no way to
 * share a mini program here (the server refuses one too).
 */
export function renderMoments(root: HTMLElement): void {
  const status = h('p', { class: 'muted', role: 'status' });
  const text = h('textarea', { maxlength: '2000', 'aria-label': t('whatsNew'), placeholder: t('whatsNew'), rows: '3' });
  const images = h('textarea', { 'aria-label': t('imageUrls'), placeholder: t('imageUrls'), rows: '2' });
  const composer = h('form', { class: 'card moment-composer' }, text, images, h('button', { type: 'submit' }, t('post')));
  const feed = h('ul', { class: 'plain moments' });
  const more = h('button', { type: 'button', class: 'load-older', hidden: '' }, t('more'));
  root.replaceChildren(subPage(h('h1', {}, t('moments')), '#/discover', [h('div', { class: 'moments-scroller' }, composer, status, feed, more)]));
  let oldest: number | undefined;

  const render = (moment: MomentView): HTMLElement => {
    const like = h('button', { type: 'button', class: 'like' }, moment.likedByMe ? t('unlike') : t('like'));
    like.onclick = () => update(social.like(moment.id, !moment.likedByMe));
    const comment = h('input', { type: 'text', maxlength: '500', 'aria-label': t('comment'), placeholder: t('comment') });
    const commentForm = h('form', { class: 'row' }, comment, h('button', { type: 'submit' }, t('comment')));
    commentForm.onsubmit = (event) => {
      event.preventDefault();
      update(social.comment(moment.id, comment.value));
    };
    const remove = moment.author.id === currentUser().id ? h('button', { type: 'button', class: 'danger' }, t('delete')) : null;
    if (remove) {
      remove.onclick = () =>
        social
          .deleteMoment(moment.id)
          .then(() => feed.querySelector(`[data-moment="${moment.id}"]`)?.remove())
          .catch((error: unknown) => (status.textContent = errorText(error)));
    }
    return h(
      'li',
      { class: 'card moment', 'data-moment': String(moment.id) },
      h('div', { class: 'row' }, h('span', { class: 'avatar', 'aria-hidden': 'true' }, moment.author.nickname.slice(0, 1)), h('strong', { class: 'moment-author' }, moment.author.nickname)),
      moment.text ? h('p', { class: 'moment-text' }, moment.text) : null,
      moment.images.length
        ? h('div', { class: 'moment-images' }, ...moment.images.filter(https).map((src) => h('img', { src, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' })))
        : null,
      h('div', { class: 'row muted' }, h('time', { datetime: moment.createdAt }, shortTime(moment.createdAt)), like, remove),
      moment.likes.length ? h('p', { class: 'moment-likes' }, '♡ ', moment.likes.map((u) => u.nickname).join(', ')) : null,
      moment.comments.length
        ? h('ul', { class: 'plain moment-comments' }, ...moment.comments.map((c) => h('li', {}, h('strong', {}, c.author.nickname), ': ', c.text)))
        : null,
      commentForm,
    );
  };
  const update = (pending: Promise<MomentView>) =>
    pending
      .then((moment) => feed.querySelector(`[data-moment="${moment.id}"]`)?.replaceWith(render(moment)))
      .catch((error: unknown) => (status.textContent = errorText(error)));
  const load = () =>
    social
      .moments(oldest)
      .then((page) => {
        feed.append(...page.moments.map(render));
        oldest = page.moments.at(-1)?.id;
        more.hidden = !page.hasMore;
        if (feed.childElementCount === 0) {
          status.textContent = t('noMoments');
        }
      })
      .catch((error: unknown) => (status.textContent = errorText(error)));
  more.onclick = () => void load();
  composer.onsubmit = (event) => {
    event.preventDefault();
    const urls = images.value.split('\n').map((line) => line.trim()).filter(Boolean);
    social
      .postMoment(text.value, urls)
      .then((moment) => {
        text.value = '';
        images.value = '';
        status.textContent = '';
        feed.prepend(render(moment));
      })
      .catch((error: unknown) => (status.textContent = errorText(error)));
  };
  void load();
}
