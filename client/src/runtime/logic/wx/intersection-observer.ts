// wx.createIntersectionObserver and this.createIntersectionObserver: the view watches the selected nodes
// with the browser's IntersectionObserver (against the viewport or a relative node, with margins and
// thresholds) and the callback gets WeChat's result (intersectionRatio, rects, id, dataset, time).
import type { Data } from '../../bridge/messages';
import { request } from '../channel';
import { toTransferable } from '../data-path';
import { guard } from '../errors';
import { instanceOf } from '../framework/instance';

const callbacks = new Map<number, (result: Data) => void>();
let nextObserver = 1;

/** Delivers one intersection change from the view to its observer's callback. */
export function intersectionChanged(observer: number, result: Data): void {
  const callback = callbacks.get(observer);
  if (callback) {
    guard(() => callback(result));
  }
}

export function createIntersectionObserver(scope: () => number, options: unknown): Data {
  const settings = options && typeof options === 'object' ? (options as Data) : {};
  const id = nextObserver++;
  let relative: { selector: string | null; margins: Data } | undefined;
  const observer: Data = {
    relativeTo(selector: string, margins?: Data) {
      relative = { selector: String(selector), margins: toTransferable(margins ?? {}) as Data };
      return observer;
    },
    relativeToViewport(margins?: Data) {
      relative = { selector: null, margins: toTransferable(margins ?? {}) as Data };
      return observer;
    },
    observe(selector: string, callback: (result: Data) => void) {
      if (typeof callback === 'function') {
        callbacks.set(id, callback);
      }
      void request('observeIntersection', {
        observer: id,
        scope: scope(),
        selector: String(selector),
        all: Boolean(settings['observeAll']),
        thresholds: Array.isArray(settings['thresholds']) ? settings['thresholds'].map(Number) : [0],
        initialRatio: Number(settings['initialRatio'] ?? 0),
        relativeTo: relative?.selector ?? null,
        margins: relative?.margins ?? {},
      });
    },
    disconnect() {
      callbacks.delete(id);
      void request('disconnectIntersection', { observer: id });
    },
  };
  return observer;
}

/** wx.createIntersectionObserver(component, options): observes inside the given component or the current page. */
export function wxIntersectionObserver(currentPage: () => number): (component: unknown, options?: unknown) => Data {
  return (component, options) => {
    const owner = instanceOf(component);
    return createIntersectionObserver(() => owner?.id ?? currentPage(), owner ? options : (options ?? component));
  };
}
