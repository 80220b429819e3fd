// wx.connectSocket and its SocketTask, and the older global API (wx.onSocketOpen, wx.sendSocketMessage,
// wx.closeSocket, …), which acts on the most recent socket. The Worker has no network: the host opens each
// socket through the server's relay, which checks the program's socket domain list, and tells its events here.
import type { Data, SocketEvent } from '../../bridge/messages';
import { request } from '../channel';
import { toTransferable } from '../data-path';
import { guard } from '../errors';
import { ApiFailure, asyncApi } from './callback-style';

type Listener = (result: Data) => void;
type EventName = SocketEvent['event'];

/** The listeners of each socket not closed yet, by socketTaskId. */
const sockets = new Map<number, Map<EventName, Set<Listener>>>();
/** The global API's listeners: one each, the last one set. */
const globalListeners = new Map<EventName, Listener>();
let latest: number | undefined;
let nextSocketId = 1;

/** Delivers one event of a socket to its task's listeners and, for the most recent socket, to the global ones. */
export function socketEvent(socketId: number, event: EventName, detail: Data): void {
  const listeners = sockets.get(socketId);
  if (!listeners) {
    return;
  }
  if (event === 'close') {
    sockets.delete(socketId);
  }
  for (const listener of [...(listeners.get(event) ?? [])]) {
    guard(() => listener({ ...detail }));
  }
  const global = socketId === latest ? globalListeners.get(event) : undefined;
  if (global) {
    guard(() => global({ ...detail }));
  }
}

function payload(value: unknown): unknown {
  return typeof value === 'string' || value instanceof ArrayBuffer ? value : toTransferable(value);
}

/** Runs an API that answers only through callbacks (a SocketTask's send and close return nothing). */
function callbacksOnly(api: (options?: Data) => Promise<Data> | undefined, options: unknown): void {
  const outcome = api(options && typeof options === 'object' ? (options as Data) : {});
  outcome?.catch(() => undefined);
}

function send(socketId: () => number | undefined): (options?: Data) => Promise<Data> | undefined {
  return asyncApi('sendSocketMessage', async (args) => {
    const id = socketId();
    if (id === undefined) {
      throw new ApiFailure('WebSocket is not connected');
    }
    const answer = await request('sendSocketMessage', { socketId: id, data: payload(args['data']) });
    if (!answer.ok) {
      throw new ApiFailure(answer.errMsg ?? 'failed');
    }
  });
}

function close(socketId: () => number | undefined): (options?: Data) => Promise<Data> | undefined {
  return asyncApi('closeSocket', async (args) => {
    const id = socketId();
    if (id === undefined) {
      throw new ApiFailure('WebSocket is not connected');
    }
    const answer = await request('closeSocket', { socketId: id, code: args['code'], reason: args['reason'] });
    if (!answer.ok) {
      throw new ApiFailure(answer.errMsg ?? 'failed');
    }
  });
}

const connect = asyncApi('connectSocket', async (args) => {
  const socketId = Number(args['socketId']);
  const answer = await request('connectSocket', {
    socketId,
    url: String(args['url'] ?? ''),
    header: toTransferable(args['header'] ?? {}),
    protocols: toTransferable(args['protocols'] ?? []),
    timeout: typeof args['timeout'] === 'number' ? args['timeout'] : null,
  });
  if (!answer.ok) {
    sockets.delete(socketId);
    throw new ApiFailure(answer.errMsg ?? 'failed');
  }
  return { socketTaskId: socketId };
});

function connectSocket(options?: Data): Data {
  const socketId = nextSocketId++;
  const listeners = new Map<EventName, Set<Listener>>();
  sockets.set(socketId, listeners);
  latest = socketId;
  const settings = options && typeof options === 'object' ? options : {};
  callbacksOnly(connect, { ...settings, socketId, success: settings['success'] ?? (() => undefined) });
  const on = (event: EventName) => (listener: Listener) => {
    if (typeof listener === 'function') {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
    }
  };
  const id = () => socketId;
  return {
    send: (o?: Data) => callbacksOnly(send(id), o),
    close: (o?: Data) => callbacksOnly(close(id), o),
    onOpen: on('open'),
    onMessage: on('message'),
    onError: on('error'),
    onClose: on('close'),
  };
}

function onGlobal(event: EventName): (listener: Listener) => void {
  return (listener) => {
    if (typeof listener === 'function') {
      globalListeners.set(event, listener);
    }
  };
}

export function socketApis(): Data {
  return {
    connectSocket,
    onSocketOpen: onGlobal('open'),
    onSocketMessage: onGlobal('message'),
    onSocketError: onGlobal('error'),
    onSocketClose: onGlobal('close'),
    sendSocketMessage: send(() => latest),
    closeSocket: close(() => latest),
  };
}
