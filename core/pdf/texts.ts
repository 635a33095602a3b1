// Document wording: every visible string comes from the `pdf` and `enums` sections of shared/i18n,
// so a language parameter can be threaded through later without touching the layouts.
import { formatDate, formatDateTime, formatTime } from '../../shared/format.js';
import { message, type Lang } from '../../shared/i18n/index.js';

export type Vars = Record<string, string | number>;

export interface Texts {
  lang: Lang;
  /** A key under `pdf.` with `{{x}}` placeholders filled in. */
  t(key: string, vars?: Vars): string;
  /** The label of an enum code, e.g. label('mdo_role', 'ib'). */
  label(group: string, code: string | number): string;
  /** The kindgesprek prompt for an age band and topic (shared with the app's kindgesprek screen). */
  prompt(band: string, topic: string): string;
  /** Long calendar date ("4 maart 2016"); '' when the value is empty. */
  date(value: string | Date): string;
  /** Compact date for table cells ("04-03-2016"). */
  shortDate(value: string | Date): string;
  dateTime(value: string | Date): string;
  time(value: string | Date): string;
  yesNo(value: boolean): string;
  /** The value, or the "nothing here" dash when it is blank. */
  orDash(value: string | null | undefined): string;
}

function fill(template: string, vars: Vars | undefined): string {
  if (!vars) return template;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function texts(lang: Lang): Texts {
  const t = (key: string, vars?: Vars) => fill(message(`pdf.${key}`, lang), vars);
  const dash = t('empty');
  return {
    lang,
    t,
    label: (group, code) => message(`enums.${group}.${code}`, lang),
    prompt: (band, topic) => message(`kg_prompt.${band}.${topic}`, lang),
    date: (v) => (v ? formatDate(v, lang, 'long') : ''),
    shortDate: (v) => (v ? formatDate(v, lang, 'short') : ''),
    dateTime: (v) => formatDateTime(v, lang),
    time: (v) => formatTime(v, lang),
    yesNo: (v) => message(v ? 'common.yes' : 'common.no', lang),
    orDash: (v) => (v && v.trim() ? v : dash),
  };
}
