// Errors thrown by a program's code: reported to the container (and so the host's console and the
// simulator's capsule.errors) and to App.onError, never allowed to stop the logic layer.
import { post } from './channel';
import { mapStack } from './source-map';

type ErrorListener = (message: string) => void;

const listeners: ErrorListener[] = [];

export function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.stack && error.stack.includes(error.message) ? `${error.name}: ${error.message}\n${firstFrames(error.stack)}` : `${error.name}: ${error.message}`;
  }
  if (error !== null && typeof error === 'object') {
    // A rejected API promise carries {errMsg}; "[object Object]" would say nothing.
    try {
      return JSON.stringify(error) ?? String(error);
    } catch {
      return String(error);
    }
  }
  return String(error);
}

function firstFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line) || /@/.test(line))
    .slice(0, 5)
    .join('\n');
}

export function onProgramError(listener: ErrorListener): void {
  listeners.push(listener);
}

export function offProgramError(listener: ErrorListener): void {
  const index = listeners.indexOf(listener);
  if (index >= 0) {
    listeners.splice(index, 1);
  }
}

/** Errors are delivered in the order they happened, although mapping one stack may take longer than the next. */
let delivered: Promise<void> = Promise.resolve();

/** Reports an error with its stack mapped to the program's own files (once the map is at hand). */
export function report(error: unknown): void {
  const message = describe(error);
  const mapped = mapStack(message).catch(() => message);
  delivered = delivered.then(() => mapped).then(deliver);
}

function deliver(message: string): void {
  post({ type: 'error', message });
  for (const listener of listeners) {
    try {
      listener(message);
    } catch (inner) {
      post({ type: 'error', message: describe(inner) });
    }
  }
}

/** Calls a program function, reporting what it throws; returns its result or undefined. */
export function guard<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    report(error);
    return undefined;
  }
}
