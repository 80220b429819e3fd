// The content of a share card, asked of the current page: onShareAppMessage({from, target}) may answer
// {title, path, imageUrl} and, per WeChat, a `promise` that resolves to newer content within 3 seconds.
import type { Data, ShareContent, ShareSource } from '../bridge/messages';
import { callMethod, type Instance } from './framework/instance';

const PROMISE_WAIT_MS = 3000;

function pick(answer: unknown, into: ShareContent): ShareContent {
  if (answer === null || typeof answer !== 'object') {
    return into;
  }
  const fields = answer as Data;
  const content = { ...into };
  if (typeof fields['title'] === 'string' && fields['title'].trim()) {
    content.title = fields['title'];
  }
  if (typeof fields['path'] === 'string' && fields['path'].trim()) {
    content.path = fields['path'].replace(/^\//, '');
  }
  if (typeof fields['imageUrl'] === 'string' && fields['imageUrl']) {
    content.imageUrl = fields['imageUrl'];
  }
  return content;
}

function withinWait(promise: PromiseLike<unknown>): Promise<unknown> {
  return Promise.race([Promise.resolve(promise).catch(() => undefined), new Promise((resolve) => setTimeout(() => resolve(undefined), PROMISE_WAIT_MS))]);
}

/** The current page's share content; without onShareAppMessage, the current page and no title (the host uses the program's name). */
export async function shareContent(page: { instance: Instance; route: string; query: Record<string, string> } | undefined, from: ShareSource): Promise<ShareContent> {
  if (!page) {
    return { path: '' };
  }
  const query = new URLSearchParams(page.query).toString();
  const fallback: ShareContent = { path: query ? `${page.route}?${query}` : page.route };
  const answer = callMethod(page.instance, 'onShareAppMessage', { from, target: undefined });
  let content = pick(answer, fallback);
  const promise = answer !== null && typeof answer === 'object' ? (answer as Data)['promise'] : undefined;
  if (promise && typeof (promise as PromiseLike<unknown>).then === 'function') {
    content = pick(await withinWait(promise as PromiseLike<unknown>), content);
  }
  return content;
}
