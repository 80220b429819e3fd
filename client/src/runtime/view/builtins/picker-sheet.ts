// The sheet a <picker> opens from the bottom of the screen, as WeChat draws it: Cancel, the header text
// and Confirm above a row of wheels with the indicator band across them.
import type { PickerMode } from './picker-modes';
import { shadow } from './builtin';
import { Wheel, WHEEL_CSS, wheelOverlayCss } from './wheel';

const ITEM_HEIGHT = 34;

const CSS = `:host{all:initial}
.mask{position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:50;animation:fade .2s}
.panel{position:fixed;left:0;right:0;bottom:0;z-index:51;background:#fff;font:17px/1.4 system-ui,-apple-system,sans-serif;color:#000;animation:rise .2s ease-out;padding-bottom:env(safe-area-inset-bottom)}
.header{display:flex;align-items:center;height:56px;border-bottom:1px solid #e5e5e5}
.header button{border:none;background:none;font:inherit;padding:0 16px;height:100%;cursor:pointer;color:rgba(0,0,0,.9)}
.header .confirm{color:#07c160;font-weight:600}
.title{flex:1;text-align:center;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:600}
.body{position:relative;height:${ITEM_HEIGHT * 7}px;display:flex;--item-height:${ITEM_HEIGHT}px}
.column{flex:1;min-width:0}
${WHEEL_CSS}
.item{height:${ITEM_HEIGHT}px;line-height:${ITEM_HEIGHT}px;text-align:center;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding:0 4px;scroll-snap-align:center;user-select:none}
${wheelOverlayCss('shade', 'band')}
@keyframes rise{from{transform:translateY(100%)}}
@keyframes fade{from{opacity:0}}`;

export interface SheetEvents {
  /** A wheel came to rest on another item. */
  settle(column: number, index: number): void;
  confirm(): void;
  cancel(): void;
}

interface Column {
  labels: string[];
  list: HTMLElement;
  wheel: Wheel;
}

function button(className: string, label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.className = className;
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

export class PickerSheet {
  private readonly host = document.createElement('div');
  private readonly body = document.createElement('div');
  private readonly columns: Column[] = [];

  constructor(
    headerText: string,
    private readonly events: SheetEvents,
  ) {
    this.host.className = 'capsule-picker';
    const root = shadow(this.host, CSS);
    const mask = document.createElement('div');
    mask.className = 'mask';
    mask.addEventListener('click', () => events.cancel());
    const panel = document.createElement('div');
    panel.className = 'panel';
    panel.setAttribute('role', 'dialog');
    const header = document.createElement('div');
    header.className = 'header';
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = headerText;
    header.append(button('cancel', 'Cancel', () => events.cancel()), title, button('confirm', 'Confirm', () => events.confirm()));
    this.body.className = 'body';
    const shade = document.createElement('div');
    shade.className = 'shade';
    const band = document.createElement('div');
    band.className = 'band';
    panel.append(header, this.body);
    this.body.append(shade, band);
    root.append(mask, panel);
    document.body.appendChild(this.host);
  }

  /** Shows the mode's wheels, rebuilding only those whose items changed, each at its chosen item. */
  show(mode: PickerMode): void {
    const wanted = mode.columns();
    const selected = mode.selected();
    while (this.columns.length > wanted.length) {
      this.columns.pop()?.list.remove();
    }
    wanted.forEach((labels, i) => {
      const column = this.columns[i] ?? this.addColumn(i);
      if (column.labels.join('\u0000') !== labels.join('\u0000') || column.list.childElementCount !== labels.length + 2) {
        column.labels = labels;
        const room = () => {
          const element = document.createElement('div');
          element.className = 'wheel-room';
          return element;
        };
        column.list.replaceChildren(room(), ...labels.map((label) => this.item(label)), room());
      }
      column.wheel.select(selected[i] ?? 0);
      column.list.querySelectorAll('.item').forEach((item, n) => item.setAttribute('aria-selected', String(n === column.wheel.index)));
    });
  }

  private item(label: string): HTMLElement {
    const element = document.createElement('div');
    element.className = 'item';
    element.setAttribute('role', 'option');
    element.textContent = label;
    return element;
  }

  private addColumn(index: number): Column {
    const list = document.createElement('div');
    list.className = 'wheel column';
    list.setAttribute('role', 'listbox');
    this.body.insertBefore(list, this.body.querySelector('.shade'));
    const wheel = new Wheel(list, () => Array.from(list.querySelectorAll('.item')), () => ITEM_HEIGHT, {
      start: () => undefined,
      settle: (i) => this.events.settle(index, i),
      end: () => undefined,
    });
    const column = { labels: [], list, wheel };
    this.columns[index] = column;
    return column;
  }

  close(): void {
    this.host.remove();
  }
}
