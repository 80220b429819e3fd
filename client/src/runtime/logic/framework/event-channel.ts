// The EventChannel between a page and the page it opened with wx.navigateTo({ events }): the opener
// listens with `events` and talks through success's res.eventChannel; the opened page uses
// this.getOpenerEventChannel().
import { guard } from '../errors';

type Listener = (...args: unknown[]) => void;

class Side {
  private readonly listeners = new Map<string, { fn: Listener; once: boolean }[]>();

  add(name: string, fn: unknown, once: boolean): void {
    if (typeof fn === 'function') {
      (this.listeners.get(name) ?? this.listeners.set(name, []).get(name))?.push({ fn: fn as Listener, once });
    }
  }

  remove(name: string, fn?: unknown): void {
    this.listeners.set(name, fn === undefined ? [] : (this.listeners.get(name) ?? []).filter((l) => l.fn !== fn));
  }

  fire(name: string, args: unknown[]): void {
    const list = this.listeners.get(name) ?? [];
    this.listeners.set(name, list.filter((l) => !l.once));
    for (const listener of list) {
      guard(() => listener.fn(...args));
    }
  }
}

export interface EventChannel {
  emit(name: string, ...args: unknown[]): void;
  on(name: string, fn: unknown): void;
  once(name: string, fn: unknown): void;
  off(name: string, fn?: unknown): void;
}

function endpoint(own: Side, other: Side): EventChannel {
  return {
    emit: (name, ...args) => other.fire(name, args),
    on: (name, fn) => own.add(name, fn, false),
    once: (name, fn) => own.add(name, fn, true),
    off: (name, fn) => own.remove(name, fn),
  };
}

/** Two ends of one channel: the opener's (already listening to `events`) and the opened page's. */
export function createEventChannel(events: unknown): { opener: EventChannel; opened: EventChannel } {
  const openerSide = new Side();
  const openedSide = new Side();
  if (events && typeof events === 'object') {
    for (const [name, fn] of Object.entries(events)) {
      openerSide.add(name, fn, false);
    }
  }
  return { opener: endpoint(openerSide, openedSide), opened: endpoint(openedSide, openerSide) };
}
