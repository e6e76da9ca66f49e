import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyLangToDocument, initialLang } from './i18n';
import './public.css';

// The public shelter finder's own entry (public.html): no officer code, no deck.gl.
let storage: Storage | null = null;
try {
  storage = window.localStorage;
} catch {
  /* blocked */
}
const lang = initialLang(storage, navigator.languages?.length ? navigator.languages : [navigator.language]);
applyLangToDocument(document, lang);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialLang={lang} />
  </StrictMode>,
);
