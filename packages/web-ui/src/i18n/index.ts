import { de, type MessageKey } from './de';
import { en } from './en';

export type Lang = 'de' | 'en';
export type { MessageKey };

const dictionaries: Record<Lang, Record<MessageKey, string>> = { de, en };

/** Looks a UI string up and fills `{name}` placeholders. */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = dictionaries[lang][key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A translator bound to one language, the form pages pass around. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
export function translator(lang: Lang): Translate {
  return (key, vars) => t(lang, key, vars);
}

export function isLang(v: unknown): v is Lang {
  return v === 'de' || v === 'en';
}
