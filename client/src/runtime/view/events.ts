// WeChat's event system on top of the DOM: bind/catch/mut-bind handlers in the bubbling phase,
// capture-bind/capture-catch in the capture phase, targets retargeted at component boundaries, and
// the event object (type, timeStamp, target, currentTarget, detail, touches, mark) sent to the logic
// layer for each handler that runs.
import type { Data } from '../bridge/messages';
import { datasetOf, EVENT_ATTRIBUTE, marksOf } from './attributes';
import type { RElement, ViewInstance } from './instance';
import { nodeOf } from './patch';

export type HandlerCall = (instance: ViewInstance, handler: string, event: Data) => void;

export interface WxEventInit {
  type: string;
  detail: unknown;
  bubbles: boolean;
  /** Whether the event crosses component boundaries (native events do; triggerEvent says). */
  composed: boolean;
  capturePhase: boolean;
  touches?: Data[];
  changedTouches?: Data[];
  /** An element where the event stops bubbling as if caught there (touchmove after a caught htouchmove). */
  stopAt?: HTMLElement;
}

interface Binding {
  phase: 'bubble' | 'capture';
  kind: 'bind' | 'catch' | 'mut-bind';
  handler: string;
}

const started = performance.now();

function bindings(node: RElement, type: string): Binding[] {
  const found: Binding[] = [];
  for (const [name, value] of Object.entries(node.attr)) {
    const m = EVENT_ATTRIBUTE.exec(name);
    if (!m || m[2] !== type || typeof value !== 'string' || value === '') {
      continue;
    }
    const prefix = m[1] ?? 'bind';
    found.push({
      phase: prefix.startsWith('capture') ? 'capture' : 'bubble',
      kind: prefix.endsWith('catch') ? 'catch' : prefix === 'mut-bind' ? 'mut-bind' : 'bind',
      handler: value,
    });
  }
  return found;
}

function describe(element: HTMLElement, node: RElement | undefined): Data {
  return { id: typeof node?.attr['id'] === 'string' ? node.attr['id'] : element.id, offsetLeft: element.offsetLeft, offsetTop: element.offsetTop, dataset: datasetOf(node) };
}

/**
 * Runs the handlers for an event along `path` (the target first, then its ancestors across shadow
 * roots), WeChat-style. Elements without a rendered node (the runtime's own) are skipped.
 */
export function dispatch(path: HTMLElement[], init: WxEventInit, call: HandlerCall): void {
  const nodes = path.map((element) => ({ element, node: nodeOf(element) })).filter((e): e is { element: HTMLElement; node: RElement } => e.node !== undefined);
  const first = nodes[0];
  if (!first) {
    return;
  }
  const reach = init.composed ? nodes : nodes.filter((n) => n.node.owner === first.node.owner);
  const timeStamp = Math.round(performance.now() - started);
  const mark: Data = {};
  for (const { node } of reach) {
    for (const [key, value] of Object.entries(marksOf(node))) {
      if (!(key in mark)) {
        mark[key] = value;
      }
    }
  }
  const targetFor = (owner: ViewInstance) => reach.find((n) => n.node.owner === owner) ?? first;
  const fire = (entry: { element: HTMLElement; node: RElement }, binding: Binding) => {
    const target = targetFor(entry.node.owner);
    const event: Data = {
      type: init.type,
      timeStamp,
      target: describe(target.element, target.node),
      currentTarget: describe(entry.element, entry.node),
      detail: init.detail ?? {},
      mark,
    };
    if (init.touches) {
      event['touches'] = init.touches;
      event['changedTouches'] = init.changedTouches ?? init.touches;
    }
    call(entry.node.owner, binding.handler, event);
  };
  const capturing = init.bubbles || init.capturePhase ? [...reach].reverse() : [first];
  for (const entry of capturing) {
    for (const binding of bindings(entry.node, init.type).filter((b) => b.phase === 'capture')) {
      fire(entry, binding);
      if (binding.kind === 'catch') {
        return;
      }
    }
  }
  let mutexUsed = false;
  for (const entry of init.bubbles ? reach : [first]) {
    let stop = false;
    for (const binding of bindings(entry.node, init.type).filter((b) => b.phase === 'bubble')) {
      if (binding.kind === 'mut-bind') {
        if (mutexUsed) {
          continue;
        }
        mutexUsed = true;
      }
      fire(entry, binding);
      stop ||= binding.kind === 'catch';
    }
    if (stop || entry.element === init.stopAt) {
      return;
    }
  }
}

/** The first element along `path` (target first) that catches events of `type` with a catch binding. */
export function catcherOf(path: HTMLElement[], type: string): HTMLElement | undefined {
  return path.find((element) => {
    const node = nodeOf(element);
    return node !== undefined && bindings(node, type).some((b) => b.kind === 'catch');
  });
}

/** The DOM path of an event from its target up, across shadow roots, as HTML elements. */
export function pathOf(event: Event): HTMLElement[] {
  return event.composedPath().filter((n): n is HTMLElement => n instanceof HTMLElement);
}

/** The path starting at an element (for events the runtime raises itself, such as input or change). */
export function pathFrom(element: HTMLElement): HTMLElement[] {
  const path: HTMLElement[] = [];
  let current: Node | null = element;
  while (current) {
    if (current instanceof HTMLElement) {
      path.push(current);
    }
    current = current instanceof ShadowRoot ? current.host : (current.parentNode ?? null);
  }
  return path;
}
