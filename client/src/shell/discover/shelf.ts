import { request } from '../api';

// The person's mini programs as the server keeps them: recently used, My Mini Programs (in order) and the
// programs displayed on top of Chats. Launching a program (the launch API) moves it to the top of the recent list.

export interface ShelfEntry {
  appId: string;
  name: string;
  description: string;
  iconUrl: string | null;
}

export interface Shelf {
  hasUsedPrograms: boolean;
  recent: ShelfEntry[];
  mine: ShelfEntry[];
  pinned: ShelfEntry[];
}

/** WeChat's scene values for each way in. */
export const Scene = {
  discoverRecent: 1001,
  search: 1005,
  scanLinkCamera: 1011,
  scanLinkImage: 1013,
  pinned: 1022,
  homeScreen: 1023,
  scanCamera: 1047,
  scanImage: 1049,
  pullDownRecent: 1089,
  discoverMine: 1103,
  pullDownMine: 1104,
} as const;

const path = (list: 'mine' | 'recent' | 'pinned', appId: string) => `/api/discover/${list}/${encodeURIComponent(appId)}`;

export const shelf = {
  read: () => request<Shelf>('GET', '/api/discover'),
  addToMine: (appId: string) => request<void>('PUT', path('mine', appId)),
  removeFromMine: (appId: string) => request<void>('DELETE', path('mine', appId)),
  reorderMine: (appIds: string[]) => request<void>('PUT', '/api/discover/mine', { appIds }),
  forgetRecent: (appId: string) => request<void>('DELETE', path('recent', appId)),
  pin: (appId: string) => request<void>('PUT', path('pinned', appId)),
  unpin: (appId: string) => request<void>('DELETE', path('pinned', appId)),
};

/** The shell route that opens a program, with how it was reached. */
export function programHref(appId: string, scene: number, path?: string): string {
  const params = new URLSearchParams();
  if (path) {
    params.set('path', path);
  }
  params.set('scene', String(scene));
  return `#/mp/${encodeURIComponent(appId)}?${params.toString()}`;
}
