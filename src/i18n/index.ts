import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';

export const SUPPORTED_LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof SUPPORTED_LANGS)[number];

export function normalizeLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : 'zh-CN';
}

/** Bundled resources, no HTTP backend: i18n works offline and before first paint. */
export function initI18n(lang: Lang): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes; we never inject HTML
    returnNull: false,
    initAsync: false,
    // A missing key is a bug: say so on the console (the browser tests fail on console errors).
    parseMissingKeyHandler: (key: string, defaultValue?: string) => {
      if (defaultValue !== undefined) return defaultValue;
      console.error(`i18n: missing key "${key}"`);
      return key;
    },
  });
  document.documentElement.lang = lang;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}
