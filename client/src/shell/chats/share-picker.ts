import { h } from '../dom';
import { safeImageUrl } from './card';
import { errorText, t } from './messages';
import { sendReliably } from './realtime';
import { social } from './social-api';
import './social.css';

/** What the program view hands over when a program is shared: who it is and its onShareAppMessage content. */
export interface ShareCardContent {
  appId: string;
  name: string;
  iconUrl?: string;
  title: string;
  path: string;
  imageUrl?: string;
}

/**
 * A sheet listing the user's chats and groups; picking one sends the program's card there. Resolves true once
 * sent, false if the user closes the sheet. An image that is neither a bundle file nor https is left off the card.
 */
export function openSharePicker(card: ShareCardContent): Promise<boolean> {
  return new Promise((resolve) => {
    const status = h('p', { class: 'muted', role: 'status' });
    const list = h('ul', { class: 'plain share-targets', 'aria-busy': 'true' });
    const cancel = h('button', { type: 'button' }, t('cancel'));
    const sheet = h('div', { class: 'share-sheet', role: 'dialog', 'aria-modal': 'true', 'aria-label': t('shareTo') }, h('div', { class: 'card' }, h('strong', {}, t('shareTo')), list, status, cancel));
    document.body.append(sheet);
    const close = (sent: boolean) => {
      sheet.remove();
      resolve(sent);
    };
    cancel.onclick = () => close(false);
    const image = safeImageUrl(card.imageUrl);
    social
      .chats()
      .then((chats) => {
        list.removeAttribute('aria-busy');
        status.textContent = chats.length === 0 ? t('noShareTargets') : '';
        list.replaceChildren(
          ...chats.map((chat) => {
            const pick = h('button', { type: 'button', class: 'share-target', 'data-chat': String(chat.id) }, chat.kind === 'group' ? `👥 ${chat.title}` : chat.title);
            pick.onclick = () => {
              pick.disabled = true;
              const shared = { appId: card.appId, title: card.title, path: card.path, ...(image ? { imageUrl: image } : {}) };
              sendReliably(chat.id, { card: shared })
                .then(() => close(true))
                .catch((error: unknown) => {
                  pick.disabled = false;
                  status.textContent = errorText(error);
                });
            };
            return h('li', {}, pick);
          }),
        );
      })
      .catch((error: unknown) => (status.textContent = errorText(error)));
  });
}

/** The running program, as the share needs it: the host to ask for content and the program's public identity. */
export interface SharedProgram {
  host: { share(from: 'menu' | 'button'): Promise<{ title?: string; path: string; imageUrl?: string }> };
  appId: string;
  name: string;
  iconUrl?: string;
}

/**
 * Shares a running program (its capsule menu's Share, or a `<button open-type="share">` via ProgramHost's onShare):
 * asks the page's onShareAppMessage for title, path and image, defaults the title to the program's name, and offers
 * the share picker.
 */
export async function shareRunningProgram(program: SharedProgram, from: 'menu' | 'button'): Promise<boolean> {
  const content = await program.host.share(from);
  return openSharePicker({
    appId: program.appId,
    name: program.name,
    ...(program.iconUrl ? { iconUrl: program.iconUrl } : {}),
    title: content.title ?? program.name,
    path: content.path,
    ...(content.imageUrl ? { imageUrl: content.imageUrl } : {}),
  });
}
