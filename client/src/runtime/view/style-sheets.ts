// The program's CSS as constructable style sheets, shared by every shadow root that needs them: a page
// gets the base styles, app.wxss and its own .wxss; a component gets the base styles and its own, plus
// app.wxss and its page's styles when its styleIsolation lets them in.
import type { BundleManifest } from '../bridge/manifest';
import baseCss from './base.css?inline';

export class StyleSheets {
  private readonly sheets = new Map<string, CSSStyleSheet>();
  private readonly base: CSSStyleSheet;

  constructor(
    private readonly manifest: BundleManifest,
    private readonly files: Map<string, string>,
  ) {
    this.base = this.sheet('base', baseCss);
  }

  /** Adds CSS files fetched later (a subpackage's). */
  add(name: string, css: string): void {
    this.files.set(name, css);
  }

  private sheet(key: string, css: string): CSSStyleSheet {
    let sheet = this.sheets.get(key);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.sheets.set(key, sheet);
    }
    return sheet;
  }

  private file(name: string | null | undefined): CSSStyleSheet[] {
    const css = name ? this.files.get(name) : undefined;
    return name && css !== undefined ? [this.sheet(name, css)] : [];
  }

  forPage(route: string): CSSStyleSheet[] {
    return [this.base, ...this.file(this.manifest.appStyle), ...this.file(this.manifest.pageStyles[route])];
  }

  forComponent(path: string, ownerPath: string): CSSStyleSheet[] {
    const component = this.manifest.components[path];
    const config = component?.config ?? {};
    const options = (config['options'] as Record<string, unknown> | undefined) ?? {};
    const isolation = String(config['styleIsolation'] ?? options['styleIsolation'] ?? (options['addGlobalClass'] ? 'apply-shared' : 'isolated'));
    const shared = isolation === 'apply-shared' || isolation === 'shared' ? [...this.file(this.manifest.appStyle), ...this.file(this.manifest.pageStyles[ownerPath])] : [];
    return [this.base, ...shared, ...this.file(component?.style)];
  }
}
