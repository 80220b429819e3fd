// wx.createSelectorQuery and this.createSelectorQuery: select nodes of a page or component and read
// their layout (boundingClientRect, scrollOffset, fields). The view measures; exec runs the callbacks.
import type { Data } from '../../bridge/messages';
import { request } from '../channel';
import { toTransferable } from '../data-path';
import { guard } from '../errors';
import { instanceOf } from '../framework/instance';
import { canvasFromView } from './canvas';

type Callback = ((result: unknown) => void) | undefined;

interface QueryRequest {
  selector: string;
  all: boolean;
  fields: Data;
}

const RECT = { id: true, dataset: true, rect: true, size: true };
const SCROLL = { id: true, dataset: true, scrollOffset: true };

/** A result whose node is a canvas type="2d" gets the Canvas object (results of selectAll are lists). */
function withCanvas(result: unknown): unknown {
  if (Array.isArray(result)) {
    return result.map(withCanvas);
  }
  if (result && typeof result === 'object' && 'node' in result) {
    return { ...(result as Data), node: canvasFromView((result as Data)['node']) };
  }
  return result;
}

export function createSelectorQuery(defaultScope: () => number): Data {
  let scope: number | undefined;
  const requests: QueryRequest[] = [];
  const callbacks: Callback[] = [];
  const query: Data = {};
  const nodes = (selector: string, all: boolean): Data => {
    const add = (fields: Data, callback: unknown) => {
      requests.push({ selector, all, fields });
      callbacks.push(typeof callback === 'function' ? (callback as Callback) : undefined);
      return query;
    };
    return {
      boundingClientRect: (callback?: unknown) => add(RECT, callback),
      scrollOffset: (callback?: unknown) => add(SCROLL, callback),
      fields: (fields: Data, callback?: unknown) => add(toTransferable(fields ?? {}) as Data, callback),
      node: (callback?: unknown) => add({ node: true }, callback),
      context: (callback?: unknown) => add({ context: true }, callback),
    };
  };
  Object.assign(query, {
    in(component: unknown) {
      scope = instanceOf(component)?.id;
      return query;
    },
    select: (selector: string) => nodes(String(selector), false),
    selectAll: (selector: string) => nodes(String(selector), true),
    selectViewport: () => nodes('viewport', false),
    exec(callback?: unknown) {
      void request('selectorQuery', { scope: scope ?? defaultScope(), requests: toTransferable(requests) }).then((answer) => {
        const results = Array.isArray(answer.result) ? (answer.result as unknown[]).map(withCanvas) : requests.map(() => null);
        callbacks.forEach((fn, i) => fn && guard(() => fn(results[i] ?? null)));
        if (typeof callback === 'function') {
          guard(() => (callback as (r: unknown) => void)(results));
        }
      });
      return query;
    },
  });
  return query;
}
