import { create } from 'zustand';
import type { Lang } from '../../../shared/i18n/index.js';
import { i18n, LANG_KEY, storedLang } from '../i18n.js';

interface LanguageState {
  lang: Lang;
  setLang(lang: Lang): void;
}

export const useLanguage = create<LanguageState>((set) => ({
  lang: storedLang(),
  setLang(lang) {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    try {
      window.localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Not persisted; the switch still works for this session.
    }
    set({ lang });
  },
}));
