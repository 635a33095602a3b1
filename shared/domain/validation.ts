// Field rules shared by the UI (instant feedback) and the core (the boundary that decides).
// Messages are i18n keys under `validation.*`; the UI and the core translate them.
import { z } from 'zod';

export const BRIN_RE = /^[0-9]{2}[A-Z]{2}$/;
export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export const trimmed = (max: number) => z.string().trim().max(max, { message: 'too_long' });
export const requiredText = (max: number) => trimmed(max).min(1, { message: 'required' });

/** A BRIN code: 2 digits + 2 letters (12AB). Lower case is accepted and upper-cased. */
export const brinSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(BRIN_RE, { message: 'brin_invalid' }));

export function isValidIsoDate(s: string): boolean {
  if (!ISO_DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Today's date in Amsterdam as YYYY-MM-DD: the day a Dutch user means by "today". */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

export const birthDateSchema = z
  .string()
  .trim()
  .refine(isValidIsoDate, { message: 'date_invalid' })
  .refine((s) => s <= todayInAmsterdam(), { message: 'birthdate_future' })
  .refine((s) => s >= '1990-01-01', { message: 'birthdate_too_old' });

export const optionalEmail = z
  .string()
  .trim()
  .max(200, { message: 'too_long' })
  .refine((s) => s === '' || z.email().safeParse(s).success, { message: 'email_invalid' });

export const optionalPhone = z
  .string()
  .trim()
  .max(40, { message: 'too_long' })
  .refine((s) => s === '' || /^\+?[0-9 ()-]{6,}$/.test(s), { message: 'phone_invalid' });

export interface FieldIssue {
  /** Dotted path of the field, e.g. `parents.0.email`. */
  path: string;
  /** i18n key under `validation.` */
  key: string;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.join('.'),
    key: /^[a-z_]+$/.test(i.message) ? i.message : fallbackKey(i.code),
  }));
}

function fallbackKey(code: string): string {
  switch (code) {
    case 'invalid_type':
      return 'required';
    case 'too_big':
      return 'too_long';
    case 'invalid_value':
      return 'choose_option';
    default:
      return 'invalid';
  }
}
