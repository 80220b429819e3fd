// Light, dark, or whatever the system prefers; the choice is kept on this device.

export type Theme = 'system' | 'light' | 'dark';

const themeKey = 'capsule.theme';

export function theme(): Theme {
  const chosen = localStorage.getItem(themeKey);
  return chosen === 'light' || chosen === 'dark' ? chosen : 'system';
}

export function applyTheme(next: Theme = theme()): void {
  if (next === 'system') {
    localStorage.removeItem(themeKey);
    delete document.documentElement.dataset['theme'];
  } else {
    localStorage.setItem(themeKey, next);
    document.documentElement.dataset['theme'] = next;
  }
}
