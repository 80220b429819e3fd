// The interface WeChat draws over a program: toast, loading, modal and action sheet. They live in the
// container, above the pages, and answer the wx API calls that opened them.
import type { Data } from '../bridge/messages';
import { color, text } from '../view/builtins/builtin';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

export class Overlay {
  private toast: HTMLElement | undefined;
  private toastTimer = 0;

  constructor(private readonly layer: HTMLElement) {}

  showToast(args: Data, loading = false): void {
    this.hideToast();
    const icon = loading ? 'loading' : text(args['icon'], 'success');
    const box = el('div', `capsule-toast ${icon === 'none' ? 'text-only' : ''}`);
    box.setAttribute('role', 'status');
    if (icon !== 'none') {
      box.appendChild(el('div', `capsule-toast-icon ${icon}`, icon === 'success' ? '✓' : icon === 'error' ? '✕' : ''));
    }
    box.appendChild(el('div', 'capsule-toast-title', text(args['title'])));
    const wrapper = el('div', `capsule-toast-layer ${args['mask'] ? 'masked' : ''}`);
    wrapper.appendChild(box);
    this.layer.appendChild(wrapper);
    this.toast = wrapper;
    if (!loading) {
      this.toastTimer = window.setTimeout(() => this.hideToast(), Number(args['duration'] ?? 1500) || 1500);
    }
  }

  hideToast(): void {
    window.clearTimeout(this.toastTimer);
    this.toast?.remove();
    this.toast = undefined;
  }

  showModal(args: Data): Promise<Data> {
    return new Promise((resolve) => {
      const mask = el('div', 'capsule-mask');
      const dialog = el('div', 'capsule-modal');
      dialog.setAttribute('role', 'dialog');
      if (args['title']) {
        dialog.appendChild(el('div', 'capsule-modal-title', text(args['title'])));
      }
      const editable = Boolean(args['editable']);
      const input = editable ? el('input', 'capsule-modal-input') : undefined;
      if (input) {
        input.placeholder = text(args['placeholderText']);
        input.value = text(args['content']);
        dialog.appendChild(input);
      } else if (args['content']) {
        dialog.appendChild(el('div', 'capsule-modal-content', text(args['content'])));
      }
      const buttons = el('div', 'capsule-modal-buttons');
      const close = (confirm: boolean) => {
        mask.remove();
        const result: Data = { confirm, cancel: !confirm };
        if (input) {
          result['content'] = confirm ? input.value : '';
        }
        resolve(result);
      };
      if (args['showCancel'] !== false) {
        const cancel = el('button', 'capsule-modal-cancel', text(args['cancelText'], 'Cancel'));
        cancel.style.color = color(args['cancelColor'], '#000000');
        cancel.onclick = () => close(false);
        buttons.appendChild(cancel);
      }
      const confirm = el('button', 'capsule-modal-confirm', text(args['confirmText'], 'OK'));
      confirm.style.color = color(args['confirmColor'], '#576B95');
      confirm.onclick = () => close(true);
      buttons.appendChild(confirm);
      dialog.appendChild(buttons);
      mask.appendChild(dialog);
      this.layer.appendChild(mask);
    });
  }

  showActionSheet(args: Data): Promise<Data | undefined> {
    return new Promise((resolve) => {
      const mask = el('div', 'capsule-mask sheet');
      const sheet = el('div', 'capsule-action-sheet');
      sheet.setAttribute('role', 'menu');
      const items = Array.isArray(args['itemList']) ? (args['itemList'] as unknown[]).slice(0, 6) : [];
      const done = (index: number | undefined) => {
        mask.remove();
        resolve(index === undefined ? undefined : { tapIndex: index });
      };
      if (args['alertText']) {
        sheet.appendChild(el('div', 'capsule-action-alert', text(args['alertText'])));
      }
      items.forEach((item, index) => {
        const button = el('button', 'capsule-action-item', text(item));
        button.style.color = color(args['itemColor'], '#000000');
        button.onclick = () => done(index);
        sheet.appendChild(button);
      });
      const cancel = el('button', 'capsule-action-cancel', 'Cancel');
      cancel.onclick = () => done(undefined);
      sheet.appendChild(cancel);
      mask.onclick = (event) => event.target === mask && done(undefined);
      mask.appendChild(sheet);
      this.layer.appendChild(mask);
    });
  }
}
