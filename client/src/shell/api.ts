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

export class ApiError extends Error {}

/** This shell's version, sent when launching a program so the server can ask an outdated shell to update. */
export const CLIENT_VERSION = '1.0.0';

/**
 * The WeChat base library version whose behaviour the runtime follows; a version that declares a newer
 * minimum (project.config.json's libVersion) asks the user to update instead of opening.
 */
export const BASE_LIBRARY_VERSION = '3.9.0';

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json', 'x-capsule-client': CLIENT_VERSION, 'x-capsule-base-library': BASE_LIBRARY_VERSION },
  });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = (await response.json()) as { detail?: string; title?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      // The body was not problem+json; the status line is the best description there is.
    }
    throw new ApiError(detail);
  }
  return (await response.json()) as T;
}

export async function getText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new ApiError(`${url}: ${response.status} ${response.statusText}`);
  }
  return response.text();
}

export const api = {
  demoPrograms: () => getJson<ProgramSummary[]>('/api/programs/demo'),
  launch: (appId: string) => getJson<LaunchInfo>(`/api/programs/${encodeURIComponent(appId)}/launch`),
};
