import { h } from '../dom';
import { t } from './messages';
import './codes.css';

/**
 * "My QR code" for the Me page: the signed-in person's code (a signed link to their Capsule ID, valid 30 days,
 * drawn fresh each time), which opens "add contact" when scanned in Capsule.
 */
export function myQrCode(): HTMLElement {
  return h(
    'figure',
    { class: 'qr-code', 'data-code': 'me' },
    h('img', { src: '/api/codes/me?format=svg', alt: t('myCode'), width: '220', height: '220' }),
    h('figcaption', {}, h('strong', {}, t('myCode')), h('br'), h('small', { class: 'muted' }, t('myCodeHint'))),
  );
}

/** A released program's plain code, with its icon in the centre. */
export function programQrCode(appId: string, name: string): HTMLElement {
  return h(
    'figure',
    { class: 'qr-code', 'data-code': appId },
    h('img', { src: `/api/programs/${encodeURIComponent(appId)}/code?format=svg&icon=true`, alt: t('programCode', { name }), width: '200', height: '200' }),
  );
}
