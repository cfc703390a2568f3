import { de, type MessageKey } from './de';
import { en } from './en';

export type Lang = 'de' | 'en';
export type { MessageKey };

const dictionaries: Record<Lang, Record<MessageKey, string>> = { de, en };

const locales: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * A number as the page's language writes it: "18,7" in German, "18.7" in English; thousands
 * grouped from 10,000 on (so years and four-digit counts stay as they are, as DIN 5008 allows).
 */
export function formatNumber(lang: Lang, n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 10_000) return String(n);
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 2 });
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

/**
 * Looks a UI string up and fills `{name}` placeholders; numbers in the language's format. With
 * `count: 1`, a `<key>.one` entry, where there is one, gives the singular.
 */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const dict = dictionaries[lang] as Record<string, string>;
  const text = (vars.count === 1 && dict[`${key}.one`]) || dict[key]!;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in vars)) return m;
    const v = vars[name]!;
    return typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

/** A translator bound to one language, the form pages pass around. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
export function translator(lang: Lang): Translate {
  return (key, vars) => t(lang, key, vars);
}

export function isLang(v: unknown): v is Lang {
  return v === 'de' || v === 'en';
}
