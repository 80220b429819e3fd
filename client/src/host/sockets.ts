// wx.connectSocket for the program, through the server's relay (`<apiBase>/socket`): the program's frame has no
// network of its own. The relay checks the program's socket domain list and says how the connection goes before
// relaying anything: it closes with the reason when the call is refused, says {"event":"connecting"} once it is
// accepted and {"event":"open"} once the upstream is open; every frame after that is the program's.
import type { SocketEvent } from '../runtime/bridge/messages';

type Args = Record<string, unknown>;

/** WeChat's limit: at most five sockets of a program at once. */
const MAX_SOCKETS = 5;

interface Socket {
  ws: WebSocket;
  open: boolean;
}

export class ProgramSockets {
  private readonly sockets = new Map<number, Socket>();

  /** `apiBase` is where the relay is served for this program; `emit` tells the container a socket's events. */
  constructor(
    private readonly apiBase: string,
    private readonly emit: (event: SocketEvent) => void,
  ) {}

  /** Settles once the relay has accepted the call (connectSocket:ok) or refused it (connectSocket:fail reason). */
  connectSocket(args: Args): Promise<Args> {
    const socketId = Number(args['socketId']);
    if (!Number.isSafeInteger(socketId) || this.sockets.has(socketId)) {
      throw new Error('invalid socketId');
    }
    if (this.sockets.size >= MAX_SOCKETS) {
      throw new Error(`reach max websocket connect count ${MAX_SOCKETS}`);
    }
    const address = new URL(`${this.apiBase}/socket`, location.href);
    address.protocol = address.protocol === 'https:' ? 'wss:' : 'ws:';
    address.searchParams.set('url', String(args['url'] ?? ''));
    const protocols = args['protocols'];
    if (protocols !== undefined && protocols !== null && !Array.isArray(protocols)) {
      throw new Error('protocols must be an array');
    }
    for (const protocol of (protocols as unknown[] | undefined) ?? []) {
      address.searchParams.append('protocol', String(protocol));
    }
    const header = args['header'];
    if (header !== undefined && header !== null && (typeof header !== 'object' || Array.isArray(header))) {
      throw new Error('header must be an object');
    }
    address.searchParams.set('header', JSON.stringify(header ?? {}));
    if (typeof args['timeout'] === 'number') {
      address.searchParams.set('timeout', String(Math.floor(args['timeout'])));
    }
    const ws = new WebSocket(address);
    ws.binaryType = 'arraybuffer';
    const socket: Socket = { ws, open: false };
    this.sockets.set(socketId, socket);
    const emit = (event: SocketEvent['event'], detail: Args) => this.emit({ type: 'socket', socketId, event, detail });
    return new Promise<Args>((resolve, reject) => {
      let accepted = false;
      ws.addEventListener('message', (event: MessageEvent<string | ArrayBuffer>) => {
        if (socket.open) {
          emit('message', { data: event.data });
          return;
        }
        const said = typeof event.data === 'string' ? (JSON.parse(event.data) as { event?: string; header?: Args }) : {};
        if (said.event === 'connecting') {
          accepted = true;
          resolve({});
        } else if (said.event === 'open') {
          socket.open = true;
          emit('open', { header: said.header ?? {} });
        }
      });
      ws.addEventListener('close', (event) => {
        this.sockets.delete(socketId);
        const reason = event.reason || 'WebSocket connection failed';
        if (!accepted) {
          reject(new Error(reason));
        } else if (!socket.open) {
          emit('error', { errMsg: reason });
          emit('close', { code: 1006, reason: event.reason });
        } else {
          if (!event.wasClean) {
            emit('error', { errMsg: 'WebSocket connection lost' });
          }
          emit('close', { code: event.code, reason: event.reason });
        }
      });
    });
  }

  sendSocketMessage(args: Args): Args {
    const socket = this.sockets.get(Number(args['socketId']));
    if (!socket?.open || socket.ws.readyState !== WebSocket.OPEN) {
      throw new Error('WebSocket is not connected');
    }
    const data = args['data'];
    if (typeof data !== 'string' && !(data instanceof ArrayBuffer)) {
      throw new Error('data must be string or ArrayBuffer');
    }
    socket.ws.send(data);
    return {};
  }

  /** WeChat's rules for a close: code 1000 or 3000–4999, a reason of at most 123 bytes of UTF-8. */
  closeSocket(args: Args): Args {
    const socket = this.sockets.get(Number(args['socketId']));
    if (!socket || socket.ws.readyState >= WebSocket.CLOSING) {
      throw new Error('WebSocket is not connected');
    }
    const code = args['code'] ?? 1000;
    if (typeof code !== 'number' || !Number.isInteger(code) || (code !== 1000 && (code < 3000 || code > 4999))) {
      throw new Error('invalid code');
    }
    const reason = args['reason'] ?? '';
    if (typeof reason !== 'string') {
      throw new Error('reason must be a string');
    }
    if (new TextEncoder().encode(reason).length > 123) {
      throw new Error('reason must not exceed 123 UTF-8 bytes');
    }
    socket.ws.close(code, reason);
    return {};
  }

  /** The program is gone: its sockets go with it. */
  dispose(): void {
    for (const socket of this.sockets.values()) {
      socket.ws.close();
    }
    this.sockets.clear();
  }
}
