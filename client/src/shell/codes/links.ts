import { request } from '../api';

/** What a scanned Capsule link opens, as the server read it. */
export interface OpenedCode {
  kind: 'program' | 'user';
  appId: string | null;
  name: string | null;
  path: string | null;
  userId: string | null;
  nickname: string | null;
}

/** What an ordinary address opens through a program's link rule: the page with `q` and `scancode_time` in its query. */
export interface OpenedLink {
  appId: string;
  name: string;
  path: string;
}

/** Whether a code's text is an http(s) address, the only kind a program's link rule can match. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Whether a code's text is a Capsule link (`https://<server>/q/<token>`), which only the server can check further. */
export function isCapsuleLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname.startsWith('/q/') && url.pathname.length > 3;
  } catch {
    return false;
  }
}

export const openCode = (link: string) => request<OpenedCode>('POST', '/api/codes/open', { link });

export const matchLink = (link: string) => request<OpenedLink>('POST', '/api/link-rules/match', { link });
