import { en } from './en.js';
import { nl, type Messages } from './nl.js';

export const resources = { nl, en } as const;
export type Lang = keyof typeof resources;
export const LANGS = Object.keys(resources) as Lang[];
export type { Messages };

/** Look up a dotted key (`errors.not_found`) without i18next: used by the core for error messages. */
export function message(key: string, lang: Lang = 'nl'): string {
  let node: unknown = resources[lang];
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in node) node = (node as Record<string, unknown>)[part];
    else return key;
  }
  return typeof node === 'string' ? node : key;
}
