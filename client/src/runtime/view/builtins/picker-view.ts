// <picker-view> and <picker-view-column>: wheels embedded in the page. Each column's children are its
// items, made as tall as the indicator band (indicator-style's height, 34px by default); value lists the
// chosen item of each column, and change reports them all when a column comes to rest.
import { inlineStyle, scopedClass } from '../attributes';
import { nodeOf } from '../patch';
import { attributesOf, remember, shadow, type Attributes, type Builtin, type BuiltinContext } from './builtin';
import { Wheel, WHEEL_CSS, wheelOverlayCss } from './wheel';

const VIEW_CSS = `:host{display:block;position:relative;overflow:hidden}
.columns{display:flex;height:100%}
.columns ::slotted(*){flex:1;min-width:0}
${wheelOverlayCss('mask', 'indicator')}`;

const COLUMN_CSS = `:host{display:block;height:100%;overflow:hidden}
${WHEEL_CSS}
::slotted(*){height:var(--item-height);box-sizing:border-box;overflow:hidden;display:flex;align-items:center;justify-content:center;scroll-snap-align:center}`;

const wheels = new WeakMap<HTMLElement, Wheel>();

function parts(element: HTMLElement): { indicator: HTMLElement; mask: HTMLElement } | undefined {
  const indicator = element.shadowRoot?.querySelector<HTMLElement>('.indicator');
  const mask = element.shadowRoot?.querySelector<HTMLElement>('.mask');
  return indicator && mask ? { indicator, mask } : undefined;
}

function columnsOf(view: HTMLElement): HTMLElement[] {
  return Array.from(view.children).filter((child): child is HTMLElement => child.localName === 'wx-picker-view-column');
}

function values(view: HTMLElement): number[] {
  return columnsOf(view).map((column) => wheels.get(column)?.index ?? 0);
}

/** The index value asks of a column: WeChat picks the last item when the number is past the end. */
function wanted(view: HTMLElement, column: HTMLElement): number {
  const value = attributesOf(view)['value'];
  const index = Array.isArray(value) ? Number(value[columnsOf(view).indexOf(column)]) : 0;
  return Number.isFinite(index) ? index : 0;
}

/** The height of the indicator band in CSS px: the measured band, as indicator-style may use rpx. */
function itemHeight(view: HTMLElement | null): number {
  const band = view ? parts(view)?.indicator.getBoundingClientRect().height : undefined;
  return band && band > 0 ? band : 34;
}

const applied = new WeakMap<HTMLElement, string>();
/** Columns still showing the value the program gave, so new items re-apply it; a user's pick ends that. */
const following = new WeakSet<HTMLElement>();

function follow(view: HTMLElement, column: HTMLElement): void {
  following.add(column);
  wheels.get(column)?.select(wanted(view, column));
}

/**
 * indicator-class and mask-class name classes of the page or component using the picker-view, so its
 * shadow root takes their style sheets too. A new element is not in its owner's tree at its first update,
 * so this runs again once it is.
 */
function adoptOwnerStyles(element: HTMLElement): void {
  const owner = element.getRootNode();
  const root = element.shadowRoot;
  if (owner instanceof ShadowRoot && root) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets.slice(0, 1), ...owner.adoptedStyleSheets];
  }
}

export const pickerView: Builtin = {
  create(element) {
    const root = shadow(element, VIEW_CSS);
    const columns = document.createElement('div');
    columns.className = 'columns';
    columns.appendChild(document.createElement('slot'));
    const mask = document.createElement('div');
    mask.className = 'mask';
    const indicator = document.createElement('div');
    indicator.className = 'indicator';
    root.append(columns, mask, indicator);
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
    const found = parts(element);
    if (!found) {
      return;
    }
    const indicatorStyle = inlineStyle(attributes['indicatorStyle']);
    const height = /(?:^|;)\s*height\s*:\s*([^;]+)/i.exec(indicatorStyle)?.[1]?.trim();
    element.style.setProperty('--item-height', height || '34px');
    found.indicator.setAttribute('style', indicatorStyle);
    found.mask.setAttribute('style', inlineStyle(attributes['maskStyle']));
    const node = nodeOf(element);
    found.indicator.className = `indicator ${node ? scopedClass(attributes['indicatorClass'], node) : ''}`;
    found.mask.className = `mask ${node ? scopedClass(attributes['maskClass'], node) : ''}`;
    adoptOwnerStyles(element);
    const value = JSON.stringify(attributes['value'] ?? null);
    if (applied.get(element) !== value) {
      applied.set(element, value);
      requestAnimationFrame(() => {
        adoptOwnerStyles(element);
        columnsOf(element).forEach((column) => follow(element, column));
      });
    }
  },
};

export const pickerViewColumn: Builtin = {
  create(element, context: BuiltinContext) {
    const root = shadow(element, COLUMN_CSS);
    const scroller = document.createElement('div');
    scroller.className = 'wheel';
    const above = document.createElement('div');
    above.className = 'wheel-room';
    const slot = document.createElement('slot');
    const below = above.cloneNode() as HTMLElement;
    scroller.append(above, slot, below);
    root.appendChild(scroller);
    const view = () => (element.parentElement?.localName === 'wx-picker-view' ? element.parentElement : null);
    const wheel = new Wheel(scroller, () => slot.assignedElements(), () => itemHeight(view()), {
      start: () => {
        const parent = view();
        if (parent) {
          context.fire(parent, 'pickstart', {});
        }
      },
      settle: () => {
        following.delete(element);
        const parent = view();
        if (parent) {
          context.model(parent, 'value', values(parent));
          context.fire(parent, 'change', { value: values(parent) });
        }
      },
      end: () => {
        const parent = view();
        if (parent) {
          context.fire(parent, 'pickend', {});
        }
      },
    });
    wheels.set(element, wheel);
    following.add(element);
    slot.addEventListener('slotchange', () => {
      const parent = view();
      if (parent && following.has(element)) {
        follow(parent, element);
      } else {
        wheel.select(wheel.index);
      }
    });
  },
  update: remember,
};
