// The program's CSS as constructable style sheets, shared by every shadow root that needs them: a page
// gets the base styles (with the pre-v2 button look unless app.json asks for "style": "v2"), app.wxss
// and its own .wxss; a component gets the base styles and its own, plus others as its styleIsolation
// and external classes need.
import type { BundleManifest } from '../bridge/manifest';
import { isShared } from './attributes';
import baseCss from './base.css?inline';
import legacyCss from './legacy.css?inline';
import type { ViewInstance } from './instance';

export class StyleSheets {
  private readonly sheets = new Map<string, CSSStyleSheet>();
  private readonly files = new Map<string, string>();
  private readonly base: CSSStyleSheet;

  constructor(private readonly manifest: BundleManifest) {
    // app.json's "style": "v2" picks WeChat's current component look; without it, the original one.
    this.base = this.sheet('base', manifest.app['style'] === 'v2' ? baseCss : baseCss + legacyCss);
  }

  /** Adds a package's CSS files as they arrive (the main package's at launch, a subpackage's on first use). */
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

  /**
   * A component's sheets: the base styles and its own; app.wxss and the page's styles when page styles
   * reach in; the sheets of its owner when it has external classes, whose names the owner styles; and, for a
   * virtual host (options.virtualHost), a host that lays its nodes out as its parent's children.
   */
  forComponent(component: ViewInstance, owner: ViewInstance, pageRoute: string): CSSStyleSheet[] {
    const shared = isShared(component) ? [...this.file(this.manifest.appStyle), ...this.file(this.manifest.pageStyles[pageRoute])] : [];
    const external = (component.options?.externalClasses.length ?? 0) > 0 ? this.forInstance(owner) : [];
    const virtualHost = component.options?.virtualHost ? [this.sheet('virtual-host', ':host{display:contents}')] : [];
    return [...new Set([this.base, ...shared, ...external, ...this.file(component.component?.style), ...virtualHost])];
  }

  private forInstance(instance: ViewInstance): CSSStyleSheet[] {
    return instance.kind === 'page' ? this.forPage(instance.path) : [this.base, ...this.file(instance.component?.style)];
  }
}
