import { h } from '../dom';
import { t } from './messages';
import type { CardView } from './social-api';

/** WeChat's scenes for opening a program from a card shared in a 1:1 chat and in a group. */
export const SCENE_DIRECT = 1007;
export const SCENE_GROUP = 1008;

/** Only the program's own bundle files or https images are shown; anything else (javascript:, data:, …) is dropped. */
export function safeImageUrl(url: string | null | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  if (/^\/bundles\/[0-9a-f]{32}\.(png|jpe?g|gif|webp|svg|bmp|ico)$/.test(url)) {
    return url;
  }
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Where a card opens: the program at the shared path, with the scene and, from a group, the share ticket. */
export function cardHref(card: CardView, inGroup: boolean): string {
  const params = new URLSearchParams({ path: card.path, scene: String(inGroup ? SCENE_GROUP : SCENE_DIRECT) });
  if (inGroup && card.shareTicket) {
    params.set('shareTicket', card.shareTicket);
  }
  return `#/mp/${encodeURIComponent(card.appId)}?${params.toString()}`;
}

/** A mini-program card: the program's icon and name, the title, and the image (or a placeholder). */
export function renderCard(card: CardView, inGroup: boolean): HTMLElement {
  const icon = safeImageUrl(card.iconUrl);
  const image = safeImageUrl(card.imageUrl);
  return h(
    'a',
    { class: 'mp-card', href: cardHref(card, inGroup), 'data-appid': card.appId },
    h(
      'span',
      { class: 'mp-card-head' },
      icon ? h('img', { class: 'mp-card-icon', src: icon, alt: '', referrerpolicy: 'no-referrer' }) : h('span', { class: 'mp-card-icon', 'aria-hidden': 'true' }, card.name.slice(0, 1)),
      h('span', { class: 'mp-card-name' }, card.name),
    ),
    h('strong', { class: 'mp-card-title' }, card.title),
    image
      ? h('img', { class: 'mp-card-image', src: image, alt: '', referrerpolicy: 'no-referrer' })
      : h('span', { class: 'mp-card-image placeholder', 'aria-hidden': 'true' }, card.name.slice(0, 1)),
    h('small', { class: 'mp-card-foot' }, t('miniProgram')),
  );
}
