// The logic layer's side of the container channel: posting messages, and calls that wait for an answer.
import type { ContainerToLogic, LogicToContainer } from '../bridge/messages';
import { registerScript } from './source-map';

interface WorkerScope {
  postMessage(message: LogicToContainer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ContainerToLogic>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
  importScripts(...urls: string[]): void;
}

export const scope = self as unknown as WorkerScope;

export function post(message: LogicToContainer): void {
  scope.postMessage(message);
}

let nextCallId = 1;
const pending = new Map<number, (answer: { ok: boolean; result?: unknown; errMsg?: string }) => void>();

/** Asks the container (and through it the host) to do something outside the Worker; settles with its answer. */
export function request(name: string, args: Record<string, unknown>): Promise<{ ok: boolean; result?: unknown; errMsg?: string }> {
  const callId = nextCallId++;
  return new Promise((resolve) => {
    pending.set(callId, resolve);
    post({ type: 'api', callId, name, args });
  });
}

/** Starts a call whose answer arrives as a message other than api-result (packages, for one). */
export function expect<T>(send: (callId: number) => void): Promise<T> {
  const callId = nextCallId++;
  return new Promise<T>((resolve) => {
    pending.set(callId, resolve as (answer: unknown) => void);
    send(callId);
  });
}

export function settle(callId: number, answer: unknown): void {
  const resolve = pending.get(callId);
  pending.delete(callId);
  resolve?.(answer as { ok: boolean });
}

/** Runs a program's JavaScript source in the Worker's global scope. */
export function runScript(source: string): void {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  registerScript(url, source);
  try {
    scope.importScripts(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}
