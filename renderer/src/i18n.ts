// i18next over the shared resources. Dutch by default; the choice is kept in localStorage
// (a UI preference, not personal data) and mirrored on <html lang>.
import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, resources, type Lang } from '../../shared/i18n/index.js';
import { ContractError } from './transport/transport.js';

export const LANG_KEY = 'veldwerk.lang';

export function storedLang(): Lang {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    if (v && (LANGS as string[]).includes(v)) return v as Lang;
  } catch {
    // No storage: fall back to Dutch.
  }
  return 'nl';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: resources.nl }, en: { translation: resources.en } },
  lng: storedLang(),
  fallbackLng: 'nl',
  supportedLngs: LANGS,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** `validation.<key>`, falling back to the generic message for an unknown key. */
export function validationText(t: TFunction, key: string): string {
  const full = key.startsWith('validation.') ? key : `validation.${key}`;
  return i18n.exists(full) ? t(full) : t('validation.invalid');
}

/** A user-facing sentence for any failure, in the chosen language. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ContractError) {
    if (err.key && i18n.exists(err.key)) return t(err.key);
    const key = `errors.${err.code}`;
    if (i18n.exists(key)) return t(key);
    return err.message || t('errors.internal');
  }
  return t('errors.internal');
}
