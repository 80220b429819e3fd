// The feedback components of WeChat's first base libraries, which programs from 2016–2017 still use in
// place of wx.showModal and friends: <modal>, <toast>, <loading> and <action-sheet> with
// <action-sheet-item>s and an <action-sheet-cancel>. Each is drawn over the page while its `hidden` is
// false and never hides itself: the program hides it from its event handlers.
import { flag, number, remember, shadow, text, type Attributes, type Builtin } from './builtin';

const MASK = `.mask{position:fixed;inset:0;z-index:1000;background:rgba(0,0,0,.6)}
.mask.clear{background:transparent}`;

const MODAL_CSS = `:host{display:block}
${MASK}
.dialog{position:fixed;z-index:1001;left:50%;top:50%;transform:translate(-50%,-50%);width:80%;max-width:300px;background:#fff;border-radius:12px;overflow:hidden;text-align:center;font:17px/1.4 system-ui,-apple-system,sans-serif;color:#000}
.title{font-weight:600;padding:24px 24px 8px}
.title:empty{display:none}
.body{padding:16px 24px 24px;color:rgba(0,0,0,.6);font-size:16px;word-wrap:break-word}
.title:not(:empty)+.body{padding-top:8px}
.buttons{display:flex;border-top:1px solid rgba(0,0,0,.1)}
button{flex:1;border:none;background:none;font:inherit;font-weight:600;padding:14px 0;cursor:pointer}
.cancel{color:#000;border-right:1px solid rgba(0,0,0,.1)}
.confirm{color:#576b95}`;

const TOAST_CSS = `:host{display:block}
${MASK}
.box{position:fixed;z-index:1001;left:50%;top:45%;transform:translate(-50%,-50%);min-width:120px;max-width:60%;box-sizing:border-box;padding:16px;border-radius:8px;background:rgba(17,17,17,.8);color:#fff;text-align:center;font:15px/1.4 system-ui,-apple-system,sans-serif}
.icon{font-size:40px;line-height:48px}
.spinner{width:36px;height:36px;margin:6px auto 10px;box-sizing:border-box;border:3px solid rgba(255,255,255,.3);border-top-color:#fff;border-radius:50%;animation:spin .8s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}`;

const SHEET_CSS = `:host{display:block}
${MASK}
.sheet{position:fixed;z-index:1001;left:0;right:0;bottom:0;background:#f7f7f7;border-radius:12px 12px 0 0;overflow:hidden;padding-bottom:env(safe-area-inset-bottom);font:17px/1.4 system-ui,-apple-system,sans-serif;color:#000;animation:rise .2s ease-out}
@keyframes rise{from{transform:translateY(100%)}}`;

function part(tag: string, className: string, content = ''): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = content;
  return element;
}

/** A mask over the page; a clear one only keeps taps from reaching what is under it. */
function mask(clear: boolean): HTMLElement {
  return part('div', clear ? 'mask clear' : 'mask');
}

/** <modal>: a dialog with a title, its content and Cancel / OK; bindconfirm, and bindcancel also for the mask. */
export const modal: Builtin = {
  create(element, context) {
    const root = shadow(element, MODAL_CSS);
    const dialog = part('div', 'dialog');
    dialog.setAttribute('role', 'dialog');
    const body = part('div', 'body');
    body.appendChild(document.createElement('slot'));
    const buttons = part('div', 'buttons');
    const cancel = part('button', 'cancel');
    const confirm = part('button', 'confirm');
    buttons.append(cancel, confirm);
    dialog.append(part('div', 'title'), body, buttons);
    const backdrop = mask(false);
    root.append(backdrop, dialog);
    backdrop.addEventListener('click', () => context.fire(element, 'cancel', {}));
    cancel.addEventListener('click', () => context.fire(element, 'cancel', {}));
    confirm.addEventListener('click', () => context.fire(element, 'confirm', {}));
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
    const root = element.shadowRoot;
    const title = root?.querySelector('.title');
    const cancel = root?.querySelector<HTMLElement>('.cancel');
    const confirm = root?.querySelector('.confirm');
    if (!title || !cancel || !confirm) {
      return;
    }
    title.textContent = text(attributes['title']);
    cancel.textContent = text(attributes['cancelText'], 'Cancel');
    cancel.hidden = flag(attributes['noCancel']);
    confirm.textContent = text(attributes['confirmText'], 'OK');
  },
};

const toastTimers = new WeakMap<HTMLElement, number>();

/** <toast>: a success mark and its content; `duration` ms after it shows, bindchange (it stays until hidden). */
export const toast: Builtin = {
  create(element) {
    const root = shadow(element, TOAST_CSS);
    const box = part('div', 'box');
    box.setAttribute('role', 'status');
    box.append(part('div', 'icon', '✓'), document.createElement('slot'));
    root.append(mask(true), box);
  },
  update(element, attributes: Attributes, context) {
    remember(element, attributes);
    const timer = toastTimers.get(element);
    if (element.hidden) {
      window.clearTimeout(timer);
      toastTimers.delete(element);
    } else if (timer === undefined) {
      toastTimers.set(
        element,
        window.setTimeout(() => {
          if (element.isConnected && !element.hidden) {
            context.fire(element, 'change', {});
          }
        }, number(attributes['duration'], 1500)),
      );
    }
  },
};

/** <loading>: a spinner and its content until hidden. */
export const loading: Builtin = {
  create(element) {
    const root = shadow(element, TOAST_CSS);
    const box = part('div', 'box');
    box.setAttribute('role', 'status');
    box.append(part('div', 'spinner'), document.createElement('slot'));
    root.append(mask(true), box);
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
  },
};

/** <action-sheet>: its items in a sheet from the bottom; bindchange for the mask and for action-sheet-cancel. */
export const actionSheet: Builtin = {
  create(element, context) {
    const root = shadow(element, SHEET_CSS);
    const sheet = part('div', 'sheet');
    sheet.setAttribute('role', 'menu');
    sheet.appendChild(document.createElement('slot'));
    const backdrop = mask(false);
    root.append(backdrop, sheet);
    backdrop.addEventListener('click', () => context.fire(element, 'change', {}));
    element.addEventListener('click', (event) => {
      if (event.composedPath().some((target) => target instanceof HTMLElement && target.localName === 'wx-action-sheet-cancel')) {
        context.fire(element, 'change', {});
      }
    });
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
    // Unlike the others, an action sheet is hidden unless `hidden` says otherwise.
    if (!('hidden' in attributes)) {
      element.hidden = true;
    }
  },
};
