import type { BundleManifest } from '../runtime/bridge/manifest';

// Typed calls to the Capsule server. Errors carry the server's problem+json detail when there is one.

export interface ProgramSummary {
  appId: string;
  name: string;
  description: string;
}

export interface LaunchInfo {
  appId: string;
  name: string;
  version: string;
  state: string;
  bundle: { id: string; baseUrl: string; manifest: BundleManifest };
}

export interface Profile {
  id: string;
  email: string;
  nickname: string;
  avatarUrl: string | null;
  roles: string[];
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** This shell's version, sent when launching a program so the server can ask an outdated shell to update. */
export const CLIENT_VERSION = '1.0.0';

/**
 * The WeChat base library version whose behaviour the runtime follows; a version that declares a newer
 * minimum (project.config.json's libVersion) asks the user to update instead of opening.
 */
export const BASE_LIBRARY_VERSION = '3.9.0';

async function failure(response: Response): Promise<ApiError> {
  let detail = `${response.status} ${response.statusText}`;
  let errors: Record<string, string[]> = {};
  try {
    const problem = (await response.json()) as { detail?: string; title?: string; errors?: Record<string, string[]> };
    errors = problem.errors ?? {};
    detail = problem.detail ?? (Object.values(errors).flat().join(' ') || problem.title) ?? detail;
  } catch {
    // The body was not problem+json; the status line is the best description there is.
  }
  return new ApiError(detail, response.status, errors);
}

/** Sends a request to the server and reads its JSON answer (undefined for 204). */
export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-capsule-client': CLIENT_VERSION,
    'x-capsule-base-library': BASE_LIBRARY_VERSION,
  };
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (!response.ok) {
    throw await failure(response);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const api = {
  demoPrograms: () => request<ProgramSummary[]>('GET', '/api/programs/demo'),
  launch: (appId: string) => request<LaunchInfo>('GET', `/api/programs/${encodeURIComponent(appId)}/launch`),
  me: () => request<Profile>('GET', '/api/account/me'),
  signUp: (email: string, password: string, nickname: string) => request<Profile>('POST', '/api/account/sign-up', { email, password, nickname }),
  signIn: (email: string, password: string) => request<Profile>('POST', '/api/account/sign-in', { email, password }),
  signOut: () => request<void>('POST', '/api/account/sign-out'),
  updateProfile: (nickname: string, avatarUrl: string | null) => request<Profile>('PUT', '/api/account/me', { nickname, avatarUrl }),
};
