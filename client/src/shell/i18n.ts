// Shell strings in English and Simplified Chinese. Each feature keeps its own dictionary and asks
// `messages()` for a translator; the language is the user's choice, else the browser's.

export type Language = 'en' | 'zh';

const languageKey = 'capsule.language';

export function language(): Language {
  const chosen = localStorage.getItem(languageKey);
  if (chosen === 'en' || chosen === 'zh') {
    return chosen;
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function setLanguage(next: Language): void {
  localStorage.setItem(languageKey, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

export type Translate<T> = (key: keyof T, params?: Record<string, string | number>) => string;

/** A translator over one feature's strings; `{name}` in a string is replaced by `params.name`. */
export function messages<T extends Record<string, string>>(en: T, zh: { [K in keyof T]: string }): Translate<T> {
  return (key, params) => {
    const template = (language() === 'zh' ? zh : en)[key];
    return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : template;
  };
}
