import { h } from '../dom';

/** A bottom sheet over the page (the capsule menu, About, a scan's answer); a tap outside or Escape closes it. */
export function openSheet(label: string, ...content: (Node | null)[]): () => void {
  const panel = h('div', { class: 'sheet', role: 'dialog', 'aria-modal': 'true', 'aria-label': label }, ...content);
  const backdrop = h('div', { class: 'sheet-backdrop' }, panel);
  const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
  const close = () => {
    document.removeEventListener('keydown', onKey);
    backdrop.remove();
  };
  backdrop.onclick = (event) => event.target === backdrop && close();
  document.addEventListener('keydown', onKey);
  document.body.append(backdrop);
  return close;
}

/** A sheet with one message and an OK button. */
export function notice(label: string, message: string, detail?: string): void {
  const ok = h('button', { type: 'button', class: 'sheet-item' }, 'OK');
  const close = openSheet(label, h('p', { class: 'sheet-message' }, message), detail ? h('p', { class: 'sheet-detail muted' }, detail) : null, ok);
  ok.onclick = close;
  ok.focus();
}
