// Dates, times and numbers as a Dutch (or English) user reads them, always in Amsterdam time.
// Pure: no I/O. Formatters are cached because a list of 10,000 rows formats a lot.

export type FormatLang = 'nl' | 'en';
export const TIME_ZONE = 'Europe/Amsterdam';

const LOCALES: Record<FormatLang, string> = { nl: 'nl-NL', en: 'en-GB' };

export function localeOf(lang: FormatLang | string): string {
  return LOCALES[(lang as FormatLang) in LOCALES ? (lang as FormatLang) : 'nl'];
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormatter(lang: string, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${kind}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

const DATE_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date (`2016-03-04`) or an instant. Date-only values are taken at noon UTC so the
 * Amsterdam calendar day is the same day whatever the offset.
 */
function toDate(value: string | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const m = DATE_ONLY_RE.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export type DateStyle = 'long' | 'short';

/** `2016-03-04` → `4 maart 2016` (long) or `04-03-2016` (short); English: `4 March 2016` / `04/03/2016`. */
export function formatDate(value: string | Date, lang: FormatLang | string = 'nl', style: DateStyle = 'long'): string {
  const d = toDate(value);
  if (!d) return '';
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return dateFormatter(lang, `date-${style}`, options).format(d);
}

/** An instant as `14:32` in Amsterdam time (24-hour clock in both languages). */
export function formatTime(value: string | Date, lang: FormatLang | string = 'nl'): string {
  const d = toDate(value);
  if (!d) return '';
  return dateFormatter(lang, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/** An instant as `4 maart 2016 om 14:32` / `4 March 2016 at 14:32`. */
export function formatDateTime(value: string | Date, lang: FormatLang | string = 'nl'): string {
  const d = toDate(value);
  if (!d) return '';
  return dateFormatter(lang, 'datetime', { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' }).format(d);
}

/** Compact, for tables: `04-03-2016 14:32` / `04/03/2016 14:32`. */
export function formatDateTimeShort(value: string | Date, lang: FormatLang | string = 'nl'): string {
  const d = toDate(value);
  if (!d) return '';
  return `${formatDate(d, lang, 'short')} ${formatTime(d, lang)}`;
}

/** `3000` → `3.000` (nl) / `3,000` (en). */
export function formatNumber(n: number, lang: FormatLang | string = 'nl'): string {
  const key = `n|${lang}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang));
    cache.set(key, f);
  }
  return f.format(n);
}
