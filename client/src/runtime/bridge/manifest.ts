// The bundle manifest the compiler writes (Capsule.Compiler.Bundling.BundleManifest), as the runtime reads it.

export type JsonObject = Record<string, unknown>;

export interface PackageManifest {
  root: string;
  name?: string | null;
  independent: boolean;
  /** The subpackage's pages as full routes ("shop/list/list"), root included. */
  pages: string[];
  view: string;
  logic: string;
}

export interface ComponentManifest {
  config: JsonObject;
  scope: string;
  style?: string | null;
}

export interface BundleManifest {
  format: number;
  entryPagePath: string;
  pages: string[];
  subpackages: PackageManifest[];
  components: Record<string, ComponentManifest>;
  window: JsonObject | null;
  tabBar: JsonObject | null;
  app: JsonObject;
  pageConfigs: Record<string, JsonObject>;
  view: string;
  logic: string;
  appStyle?: string | null;
  pageStyles: Record<string, string>;
  /** The program's images, audio and video by project path, as bundle file names. */
  assets?: Record<string, string>;
}

/** The package a page belongs to: "" for the main package, else the subpackage's root. */
export function packageOf(manifest: BundleManifest, route: string): string | undefined {
  if (manifest.pages.includes(route)) {
    return '';
  }
  return manifest.subpackages.find((p) => p.pages.includes(route))?.root;
}

/** Every page of the program with its full route, main package first. */
export function allPages(manifest: BundleManifest): string[] {
  return [...manifest.pages, ...manifest.subpackages.flatMap((p) => p.pages)];
}

/** The tab bar's page paths, in order. */
export function tabPages(manifest: BundleManifest): string[] {
  const list = manifest.tabBar?.['list'];
  return Array.isArray(list) ? list.map((item) => String((item as JsonObject)['pagePath'] ?? '').replace(/^\//, '')) : [];
}

/**
 * Resolves a usingComponents value declared by the page or component at `from` to a component path of the
 * bundle, as WeChat does: "/x" from the root, "./x" and "../x" from the declaring file, a bare path from the
 * declaring file, then miniprogram_npm, then the root.
 */
export function resolveComponent(manifest: BundleManifest, from: string, request: string): string | undefined {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  const candidates = request.startsWith('/')
    ? [joinPath('', request)]
    : request.startsWith('.')
      ? [joinPath(dir, request)]
      : [joinPath(dir, request), `miniprogram_npm/${joinPath('', request)}`, joinPath('', request)];
  for (const candidate of candidates) {
    for (const path of [candidate, `${candidate}/index`]) {
      if (manifest.components[path]) {
        return path;
      }
    }
  }
  return undefined;
}

/**
 * The URL of a program file a page or component names by path ("/images/a.png" from the root,
 * "../../images/a.png" from the file at `from`), or undefined when the bundle has no such file.
 */
export function assetUrl(manifest: BundleManifest, assetBase: string, from: string, src: string): string | undefined {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  const path = src.startsWith('/') ? joinPath('', src) : joinPath(dir, src);
  const file = manifest.assets?.[path];
  return file ? assetBase + file : undefined;
}

/** Joins a relative path onto a folder, folding "." and "..". */
export function joinPath(dir: string, request: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const part of request.split('/')) {
    if (part === '..') {
      parts.pop();
    } else if (part !== '.' && part !== '') {
      parts.push(part);
    }
  }
  return parts.join('/');
}

/**
 * Splits "pages/a/a?x=1&y=2" (or "/pages/a/a", or "../b/b" relative to `from`) into a route and its query.
 * Like WeChat, query values reach onLoad as written, not URL-decoded.
 */
export function parseUrl(url: string, from: string): { route: string; query: Record<string, string> } {
  const [path = '', search = ''] = url.split('?', 2);
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  const route = path.startsWith('/') ? joinPath('', path) : joinPath(dir, path);
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (!pair) {
      continue;
    }
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    query[key] = eq < 0 ? '' : pair.slice(eq + 1);
  }
  return { route, query };
}
