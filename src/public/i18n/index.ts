import { ar } from './ar';
import { en } from './en';
import type { PublicStrings } from './types';
import { zhCN } from './zh-CN';

/**
 * The public finder's own small i18n (no i18next: a few hundred bytes instead of ~15 KB before
 * the first answer). Languages from the browser's list, switchable, remembered on the phone.
 */
export const PUBLIC_LANGS = ['zh-CN', 'en', 'ar'] as const;
export type PublicLang = (typeof PUBLIC_LANGS)[number];

export const LANG_NAMES: Readonly<Record<PublicLang, string>> = { 'zh-CN': '中文', en: 'English', ar: 'العربية' };
const DICTS: Readonly<Record<PublicLang, PublicStrings>> = { 'zh-CN': zhCN, en, ar };
const STORAGE_KEY = 'onemap.public.lang';

export function dirOf(lang: PublicLang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** The first of the browser's languages we have (zh-*, en-*, ar-*); Chinese when none matches. */
export function langFromBrowser(languages: readonly string[]): PublicLang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh-CN';
    if (base === 'en') return 'en';
    if (base === 'ar') return 'ar';
  }
  return 'zh-CN';
}

function isLang(x: unknown): x is PublicLang {
  return typeof x === 'string' && (PUBLIC_LANGS as readonly string[]).includes(x);
}

/** The remembered choice, else the browser's languages. */
export function initialLang(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): PublicLang {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    /* storage blocked (private mode): fall back to the browser */
  }
  return isLang(saved) ? saved : langFromBrowser(languages);
}

export function rememberLang(storage: Pick<Storage, 'setItem'> | null, lang: PublicLang): void {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    /* not remembered: fine */
  }
}

export type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** `t('row.walk', {minutes: 12})`; a missing key is a console error (the browser tests fail on it) and shows the key. */
export function translator(lang: PublicLang): Translate {
  const dict = DICTS[lang];
  return (key, vars) => {
    let node: unknown = dict;
    for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') {
      console.error(`i18n: missing key "${key}" (${lang})`);
      return key;
    }
    return vars ? node.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : node;
  };
}

/** Sets `lang` and `dir` on <html> and the title, so screen readers and layout follow the language. */
export function applyLangToDocument(doc: Document, lang: PublicLang): void {
  doc.documentElement.lang = lang;
  doc.documentElement.dir = dirOf(lang);
  doc.title = DICTS[lang].meta.title;
}
