// Sheets the host draws over a running program: asking the user's consent (their profile) and confirming
// a payment. They are the shell's own DOM, outside the program's sandboxed frame, so a program can neither
// draw them nor press their buttons. Text goes in as textContent only.

export interface SheetOptions {
  /** Which sheet this is, for styling and tests: `consent` or `payment`. */
  kind: 'consent' | 'payment';
  heading: string;
  lines: string[];
  /** A large figure (the amount to pay). */
  figure?: string;
  confirm: string;
  cancel: string;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

const STYLE = `
.capsule-sheet-backdrop{position:fixed;inset:0;z-index:2147483000;background:rgba(0,0,0,.45);display:flex;align-items:flex-end;justify-content:center}
.capsule-sheet{box-sizing:border-box;width:100%;max-width:480px;background:#fff;color:#111;border-radius:14px 14px 0 0;padding:20px 20px 16px;font:15px/1.5 system-ui,sans-serif}
.capsule-sheet h2{margin:0 0 8px;font-size:17px}
.capsule-sheet p{margin:4px 0;color:#555}
.capsule-sheet .capsule-sheet-figure{margin:12px 0;font-size:30px;font-weight:600;text-align:center;color:#111}
.capsule-sheet-buttons{display:flex;gap:12px;margin-top:16px}
.capsule-sheet-buttons button{flex:1;padding:10px;border-radius:8px;border:1px solid #ccc;background:#f4f4f4;font-size:16px}
.capsule-sheet-buttons .capsule-sheet-confirm{background:#07c160;border-color:#07c160;color:#fff}
@media (prefers-color-scheme:dark){.capsule-sheet{background:#1f1f1f;color:#eee}.capsule-sheet p{color:#aaa}.capsule-sheet .capsule-sheet-figure{color:#eee}}`;

function ensureStyle(): void {
  if (!document.getElementById('capsule-sheet-style')) {
    const style = document.createElement('style');
    style.id = 'capsule-sheet-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

/** Shows a sheet; settles true when the user confirms, false when they cancel (button or backdrop). One at a time. */
export function showSheet(options: SheetOptions): Promise<boolean> {
  ensureStyle();
  document.querySelector('.capsule-sheet-backdrop')?.dispatchEvent(new Event('capsule-dismiss'));
  const backdrop = element('div', 'capsule-sheet-backdrop');
  const sheet = element('div', `capsule-sheet capsule-sheet-${options.kind}`);
  sheet.setAttribute('role', 'dialog');
  sheet.setAttribute('aria-modal', 'true');
  sheet.appendChild(element('h2', 'capsule-sheet-heading', options.heading));
  for (const line of options.lines) {
    sheet.appendChild(element('p', 'capsule-sheet-line', line));
  }
  if (options.figure !== undefined) {
    sheet.appendChild(element('div', 'capsule-sheet-figure', options.figure));
  }
  const buttons = element('div', 'capsule-sheet-buttons');
  const cancel = element('button', 'capsule-sheet-cancel', options.cancel);
  const confirm = element('button', 'capsule-sheet-confirm', options.confirm);
  cancel.type = confirm.type = 'button';
  buttons.append(cancel, confirm);
  sheet.appendChild(buttons);
  backdrop.appendChild(sheet);
  document.body.appendChild(backdrop);
  confirm.focus();
  return new Promise<boolean>((resolve) => {
    const close = (answer: boolean) => {
      backdrop.remove();
      resolve(answer);
    };
    confirm.addEventListener('click', () => close(true));
    cancel.addEventListener('click', () => close(false));
    backdrop.addEventListener('click', (event) => {
      if (event.target === backdrop) {
        close(false);
      }
    });
    backdrop.addEventListener('capsule-dismiss', () => close(false));
  });
}
