import { z } from 'zod';
import { UUID_RE } from '../ids.js';

export const idSchema = z.string().regex(UUID_RE, { message: 'invalid' });
/** UTC instant as ISO-8601 string. */
export const instantSchema = z.string();
export const emptyInput = z.object({}).strict();

export const ERROR_CODES = [
  'validation', // input rejected: see `fields`
  'not_found',
  'conflict',
  'locked', // the local database is not unlocked yet
  'app_locked', // the database is open but the app is locked (idle or Ctrl+L): PIN or passphrase first
  'wrong_passphrase',
  'not_supported',
  'forbidden',
  'bad_request',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldIssueSchema = z.object({ path: z.string(), key: z.string() });
export const contractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** A human Dutch sentence; never a stack trace. */
  message: z.string(),
  /** The i18n key of `message` (e.g. `errors.meeting_closed`), so the renderer can show it in the chosen language. */
  key: z.string().max(100).optional(),
  fields: z.array(fieldIssueSchema).optional(),
  /** Per-line problems of an import (line numbers are 1-based, header is line 1). */
  lines: z.array(z.object({ line: z.number().int(), path: z.string(), key: z.string() })).optional(),
});
export type ContractErrorData = z.infer<typeof contractErrorSchema>;

/** What crosses every transport: a value or an error, never a thrown exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractErrorData };

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}
export const def = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodDef<I, O> => ({
  input,
  output,
});
