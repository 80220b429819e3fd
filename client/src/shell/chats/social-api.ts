import { request } from '../api';

// Typed calls to the contacts, chats and Moments APIs.

export interface PublicUser {
  id: string;
  handle: string | null;
  nickname: string;
  avatarUrl: string | null;
}

export type Relation = 'none' | 'self' | 'requested' | 'requestedYou' | 'friend';

export interface ContactList {
  friends: PublicUser[];
  requests: PublicUser[];
  pending: PublicUser[];
}

export interface CardView {
  appId: string;
  name: string;
  iconUrl: string | null;
  title: string;
  path: string;
  imageUrl: string | null;
  shareTicket: string | null;
}

export interface MessageView {
  id: number;
  conversationId: number;
  senderId: string;
  senderNickname: string;
  kind: 'text' | 'card';
  text: string | null;
  card: CardView | null;
  sentAt: string;
  clientId: string | null;
}

export interface MessagePage {
  messages: MessageView[];
  hasMore: boolean;
}

export interface ConversationSummary {
  id: number;
  kind: 'direct' | 'group';
  title: string;
  ownerId: string | null;
  memberCount: number;
  lastMessage: MessageView | null;
  unread: number;
  createdAt: string;
}

export interface ConversationDetail {
  id: number;
  kind: 'direct' | 'group';
  title: string;
  ownerId: string | null;
  members: PublicUser[];
}

/** What a program shares into a chat; imageUrl is a bundle file URL or https. */
export interface ShareCardRequest {
  appId: string;
  title: string;
  path: string;
  imageUrl?: string;
}

export interface MomentComment {
  id: number;
  author: PublicUser;
  text: string;
  createdAt: string;
}

export interface MomentView {
  id: number;
  author: PublicUser;
  text: string;
  images: string[];
  createdAt: string;
  likes: PublicUser[];
  likedByMe: boolean;
  comments: MomentComment[];
}

const chat = (id: number) => `/api/chats/${id}`;

export const social = {
  contacts: () => request<ContactList>('GET', '/api/contacts'),
  lookup: (id: string) => request<{ user: PublicUser; relation: Relation }>('GET', `/api/contacts/lookup?id=${encodeURIComponent(id)}`),
  addContact: (id: string) => request<{ user: PublicUser; relation: Relation }>('POST', '/api/contacts', { id }),
  chats: () => request<ConversationSummary[]>('GET', '/api/chats'),
  chat: (id: number) => request<ConversationDetail>('GET', chat(id)),
  openDirect: (userId: string) => request<ConversationDetail>('POST', '/api/chats/direct', { userId }),
  createGroup: (name: string, memberIds: string[]) => request<ConversationDetail>('POST', '/api/chats/groups', { name, memberIds }),
  rename: (id: number, name: string) => request<ConversationDetail>('PUT', `${chat(id)}/name`, { name }),
  addMembers: (id: number, userIds: string[]) => request<ConversationDetail>('POST', `${chat(id)}/members`, { userIds }),
  removeMember: (id: number, userId: string) => request<ConversationDetail>('DELETE', `${chat(id)}/members/${encodeURIComponent(userId)}`),
  history: (id: number, before?: number) => request<MessagePage>('GET', `${chat(id)}/messages?limit=30${before ? `&before=${before}` : ''}`),
  sync: (after: number) => request<MessagePage>('GET', `/api/chats/sync?after=${after}`),
  send: (id: number, body: { clientId: string; text?: string; card?: ShareCardRequest }) => request<MessageView>('POST', `${chat(id)}/messages`, body),
  markRead: (id: number, messageId: number) => request<{ unread: number }>('POST', `${chat(id)}/read`, { messageId }),
  shareInfo: (appId: string, shareTicket: string) => request<{ shareTicket: string }>('POST', '/api/share-info', { appId, shareTicket }),
  moments: (before?: number) => request<{ moments: MomentView[]; hasMore: boolean }>('GET', `/api/moments${before ? `?before=${before}` : ''}`),
  postMoment: (text: string, images: string[]) => request<MomentView>('POST', '/api/moments', { text, images }),
  like: (id: number, like: boolean) => request<MomentView>(like ? 'POST' : 'DELETE', `/api/moments/${id}/like`),
  comment: (id: number, text: string) => request<MomentView>('POST', `/api/moments/${id}/comments`, { text }),
  deleteMoment: (id: number) => request<void>('DELETE', `/api/moments/${id}`),
};
