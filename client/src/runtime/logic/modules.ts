// The CommonJS-style module system of a mini program's logic layer. The compiler wraps every .js file
// as __capsuleDefine(path, function (module, exports, require) { ... }); a module runs on first require.
import { joinPath } from '../bridge/manifest';

type Factory = (module: { exports: unknown }, exports: unknown, require: (request: string) => unknown) => void;

interface ModuleRecord {
  factory: Factory;
  module?: { exports: unknown };
}

export class ModuleRegistry {
  private readonly modules = new Map<string, ModuleRecord>();

  define(path: string, factory: Factory): void {
    this.modules.set(path, { factory });
  }

  has(path: string): boolean {
    return this.modules.has(path);
  }

  /** Runs (once) and returns the exports of the module at a program-root path such as "pages/index/index.js". */
  require(path: string): unknown {
    const record = this.modules.get(path);
    if (!record) {
      throw new Error(`module "${path}" is not defined`);
    }
    if (!record.module) {
      const module = { exports: {} as unknown };
      record.module = module;
      record.factory.call(module.exports, module, module.exports, (request) => this.require(this.resolve(path, request)));
    }
    return record.module.exports;
  }

  /**
   * Resolves a require() request made by the module at `from`. Relative and absolute paths work as in
   * WeChat; a bare path ("util.js", "config") is tried relative to the requiring file first, then from
   * the program root. The .js extension may be left out.
   */
  resolve(from: string, request: string): string {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
    const candidates = request.startsWith('/')
      ? [request.slice(1)]
      : request.startsWith('.')
        ? [joinPath(dir, request)]
        : [joinPath(dir, request), joinPath('', request)];
    for (const candidate of candidates) {
      for (const path of [candidate, `${candidate}.js`, `${candidate}/index.js`]) {
        if (this.modules.has(path)) {
          return path;
        }
      }
    }
    throw new Error(`module "${request}" required from "${from}" is not defined`);
  }
}
