// Sheets the host draws over a running program: asking the user's consent (their profile, a permission),
// the program's permission settings and confirming a payment. They are the shell's own DOM, outside the program's sandboxed frame, so a program can neither
// draw them nor press their buttons. Text goes in as textContent only.

export interface SheetOptions {
  /** Which sheet this is, for styling and tests: `consent`, `settings` or `payment`. */
  kind: 'consent' | 'settings' | 'payment';
  heading: string;
  lines: string[];
  /** A large figure (the amount to pay). */
  figure?: string;
  /** The host's own controls shown under the lines (the settings' switches). */
  controls?: HTMLElement[];
  confirm: string;
  /** Without it the sheet has the confirm button only. */
  cancel?: string;
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
.capsule-setting{display:flex;justify-content:space-between;align-items:center;gap:12px;padding:10px 0;border-bottom:1px solid #e5e5e5}
.capsule-setting input{width:20px;height:20px;accent-color:#07c160}
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
  sheet.append(...(options.controls ?? []));
  const buttons = element('div', 'capsule-sheet-buttons');
  const confirm = element('button', 'capsule-sheet-confirm', options.confirm);
  confirm.type = 'button';
  let close: (answer: boolean) => void = () => undefined;
  const answer = new Promise<boolean>((resolve) => {
    close = (chosen: boolean) => {
      backdrop.remove();
      resolve(chosen);
    };
  });
  if (options.cancel !== undefined) {
    const cancel = element('button', 'capsule-sheet-cancel', options.cancel);
    cancel.type = 'button';
    cancel.addEventListener('click', () => close(false));
    buttons.append(cancel);
  }
  buttons.append(confirm);
  sheet.appendChild(buttons);
  backdrop.appendChild(sheet);
  document.body.appendChild(backdrop);
  confirm.focus();
  confirm.addEventListener('click', () => close(true));
  backdrop.addEventListener('click', (event) => {
    if (event.target === backdrop) {
      close(false);
    }
  });
  backdrop.addEventListener('capsule-dismiss', () => close(false));
  return answer;
}
