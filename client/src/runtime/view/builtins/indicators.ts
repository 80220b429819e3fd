// Display-only built-ins: <progress> and <icon>.
import { color, flag, number, remember, shadow, text, type Attributes, type Builtin } from './builtin';

const PROGRESS_CSS = `:host{display:flex;align-items:center}
.bar{flex:1;background:var(--bg,#ebebeb);height:var(--h,6px);border-radius:var(--r,0)}
.fill{height:100%;background:var(--fg,#09bb07);border-radius:inherit;transition:width var(--t,0s) linear}
.info{margin-left:15px;font-size:var(--fs,16px)}`;

export const progress: Builtin = {
  create(element) {
    const root = shadow(element, PROGRESS_CSS);
    root.innerHTML = '<div class="bar"><div class="fill"></div></div><span class="info"></span>';
    element.setAttribute('role', 'progressbar');
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
    const root = element.shadowRoot;
    const percent = Math.min(100, Math.max(0, number(attributes['percent'], 0)));
    const fill = root?.querySelector<HTMLElement>('.fill');
    const bar = root?.querySelector<HTMLElement>('.bar');
    const info = root?.querySelector<HTMLElement>('.info');
    if (!fill || !bar || !info) {
      return;
    }
    fill.style.width = `${percent}%`;
    bar.style.setProperty('--h', `${number(attributes['strokeWidth'], 6)}px`);
    bar.style.setProperty('--r', `${number(attributes['borderRadius'], 0)}px`);
    bar.style.setProperty('--bg', color(attributes['backgroundColor'], '#ebebeb'));
    fill.style.setProperty('--fg', color(attributes['activeColor'] ?? attributes['color'], '#09bb07'));
    fill.style.setProperty('--t', flag(attributes['active']) ? `${number(attributes['duration'], 30) / 100}s` : '0s');
    info.hidden = !flag(attributes['showInfo']);
    info.textContent = `${percent}%`;
    info.style.setProperty('--fs', `${number(attributes['fontSize'], 16)}px`);
    element.setAttribute('aria-valuenow', String(percent));
  },
};

/** Each type's glyph, default colour and shape: a filled circle, a ring, a shield or the glyph alone. */
const GLYPHS: Record<string, [string, string, 'circle' | 'ring' | 'shield' | 'plain']> = {
  success: ['✓', '#09bb07', 'circle'],
  success_no_circle: ['✓', '#09bb07', 'plain'],
  info: ['i', '#10aeff', 'circle'],
  warn: ['!', '#f76260', 'circle'],
  waiting: ['◷', '#10aeff', 'circle'],
  cancel: ['×', '#f43530', 'circle'],
  download: ['↓', '#09bb07', 'plain'],
  search: ['⌕', '#b2b2b2', 'plain'],
  clear: ['×', '#b2b2b2', 'plain'],
  // The types of WeChat's first releases, which its base library still draws.
  success_circle: ['✓', '#09bb07', 'ring'],
  info_circle: ['i', '#10aeff', 'ring'],
  waiting_circle: ['◷', '#10aeff', 'ring'],
  circle: ['', '#c9c9c9', 'ring'],
  safe_success: ['✓', '#09bb07', 'shield'],
  safe_warn: ['!', '#ffbe00', 'shield'],
};

const ICON_CSS = `:host{display:inline-flex;vertical-align:middle}
span{display:inline-flex;align-items:center;justify-content:center;box-sizing:border-box;border-radius:50%;font-weight:bold;line-height:1}
span.circle{background:var(--c);color:#fff}
span.ring{border:max(1px,calc(var(--s) * .08)) solid var(--c);color:var(--c)}
span.shield{background:var(--c);color:#fff;border-radius:15% 15% 50% 50%}
span.plain{color:var(--c)}`;

export const icon: Builtin = {
  create(element) {
    shadow(element, ICON_CSS).appendChild(document.createElement('span'));
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
    const span = element.shadowRoot?.querySelector('span');
    if (!span) {
      return;
    }
    const type = text(attributes['type']);
    const [glyph, fallback, shape] = GLYPHS[type] ?? ['', '#000', 'plain'];
    const size = number(String(attributes['size'] ?? '23').replace(/px$/, ''), 23);
    span.textContent = glyph;
    span.className = shape;
    span.style.cssText = `width:${size}px;height:${size}px;font-size:${size * 0.6}px;--s:${size}px;--c:${color(attributes['color'], fallback)}`;
    element.setAttribute('aria-label', type);
  },
};
