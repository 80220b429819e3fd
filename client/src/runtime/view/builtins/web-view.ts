// <web-view src>: fills the page with a web page, as in WeChat, when the program's domain list allows the page's
// https origin (the host asks the server); otherwise a message in its place names the refused domain. The
// page's frame is sandboxed inside the container's own sandbox: an opaque origin, no same-origin access to
// Capsule or the program, no forms or pop-ups.
import { remember, shadow, text, type Attributes, type Builtin } from './builtin';

const CSS = `:host{position:fixed;inset:0;z-index:900;display:block;background:#fff}
iframe{display:block;width:100%;height:100%;border:0}
iframe[hidden]{display:none}
p{margin:0;padding:48px 24px;color:#888;font-size:14px;text-align:center;word-break:break-all}
p[hidden]{display:none}`;

const shown = new WeakMap<HTMLElement, string>();

export const webView: Builtin = {
  create(element, context) {
    const root = shadow(element, CSS);
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.referrerPolicy = 'no-referrer';
    frame.title = 'Web page';
    frame.hidden = true;
    const refusal = document.createElement('p');
    refusal.setAttribute('role', 'alert');
    refusal.hidden = true;
    root.append(frame, refusal);
    frame.addEventListener('load', () => {
      if (frame.src) {
        context.fire(element, 'load', { src: frame.src });
      }
    });
  },
  update(element, attributes: Attributes, context) {
    remember(element, attributes);
    const src = text(attributes['src']).trim();
    const frame = element.shadowRoot?.querySelector('iframe');
    const refusal = element.shadowRoot?.querySelector('p');
    if (!frame || !refusal || shown.get(element) === src) {
      return;
    }
    shown.set(element, src);
    if (src === '') {
      frame.hidden = true;
      frame.removeAttribute('src');
      return;
    }
    void context.webView(src).then((answer) => {
      if (shown.get(element) !== src) {
        return;
      }
      frame.hidden = answer.url === undefined;
      refusal.hidden = answer.url !== undefined;
      if (answer.url !== undefined) {
        frame.src = answer.url;
      } else {
        frame.removeAttribute('src');
        refusal.textContent = `This page cannot be opened: ${answer.refusal ?? 'refused'}`;
        context.fire(element, 'error', { src, errMsg: answer.refusal });
      }
    });
  },
};
