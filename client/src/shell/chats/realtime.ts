import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { currentUser } from '../session';
import { social, type ConversationDetail, type MessageView } from './social-api';

// The live side of chats: one SignalR connection to /hubs/chat while signed in. Every message, pushed or caught
// up, goes to the listeners once, in id order; the last id seen is remembered per user, so after a reconnect (or
// a reload) the client asks the server for everything after it.

type MessageListener = (message: MessageView) => void;
type ConversationListener = (conversation: ConversationDetail) => void;

const messageListeners = new Set<MessageListener>();
const conversationListeners = new Set<ConversationListener>();
let connection: HubConnection | undefined;
let userId: string | undefined;
let lastId = 0;
let catchingUp: Promise<void> | undefined;

const lastKey = () => `capsule.chat.last.${userId}`;

function deliver(message: MessageView): void {
  if (message.id <= lastId) {
    return;
  }
  lastId = message.id;
  localStorage.setItem(lastKey(), String(lastId));
  for (const listener of messageListeners) {
    listener(message);
  }
}

/** Asks for every message after the last one seen, page by page. */
function catchUp(): Promise<void> {
  catchingUp ??= (async () => {
    try {
      for (;;) {
        const page = await social.sync(lastId);
        page.messages.forEach(deliver);
        if (!page.hasMore) {
          break;
        }
      }
    } finally {
      catchingUp = undefined;
    }
  })();
  return catchingUp;
}

/** Starts (once per signed-in user) the connection; resolves when connected and caught up. */
export async function startRealtime(): Promise<void> {
  const me = currentUser().id;
  if (connection && userId === me) {
    return connection.state === HubConnectionState.Connected ? catchUp() : undefined;
  }
  await connection?.stop();
  userId = me;
  lastId = Number(localStorage.getItem(lastKey()) ?? '0');
  if (lastId === 0) {
    const chats = await social.chats();
    lastId = Math.max(0, ...chats.map((c) => c.lastMessage?.id ?? 0));
  }
  const hub = new HubConnectionBuilder()
    .withUrl('/hubs/chat')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => Math.min(10_000, 500 * 2 ** retry.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
  connection = hub;
  hub.on('message', (message: MessageView) => {
    // A pushed message beyond a gap means something was missed: fetch the gap first, in order.
    void catchUp().then(() => deliver(message));
  });
  hub.on('conversation', (conversation: ConversationDetail) => conversationListeners.forEach((listener) => listener(conversation)));
  hub.onreconnected(() => void catchUp());
  hub.onclose(() => {
    // Automatic reconnects gave up (e.g. a long time offline): start again when the browser is back online.
    if (connection === hub) {
      connection = undefined;
    }
  });
  await hub.start();
  await catchUp();
}

window.addEventListener('online', () => {
  if (userId) {
    void startRealtime();
  }
});

export function onMessage(listener: MessageListener): () => void {
  messageListeners.add(listener);
  return () => messageListeners.delete(listener);
}

export function onConversation(listener: ConversationListener): () => void {
  conversationListeners.add(listener);
  return () => conversationListeners.delete(listener);
}

/** Sends a message, retrying with the same client id until the server has it (so it is never sent twice). */
export async function sendReliably(chatId: number, body: Omit<Parameters<typeof social.send>[1], 'clientId'>): Promise<MessageView> {
  const clientId = crypto.randomUUID();
  for (let attempt = 0; ; attempt++) {
    try {
      return await social.send(chatId, { ...body, clientId });
    } catch (error) {
      if (!(error instanceof TypeError) || attempt >= 20) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** attempt)));
    }
  }
}
