// Errors that cross the contract: a code and a human Dutch message, never a stack trace.
import type { ContractErrorData, ErrorCode } from '../shared/contract/index.js';
import type { FieldIssue } from '../shared/domain/validation.js';
import { message } from '../shared/i18n/index.js';

export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldIssue[],
    readonly lines?: { line: number; path: string; key: string }[],
    messageKey?: string,
  ) {
    super(message(messageKey ?? `errors.${code}`));
    this.name = 'CoreError';
    this.key = messageKey;
  }

  /** Set when the message is more specific than the code's own (`errors.<code>`). */
  readonly key: string | undefined;

  toData(): ContractErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.key ? { key: this.key } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.lines ? { lines: this.lines } : {}),
    };
  }
}

/** Shorthand for a rejected field: `fieldError('schoolId', 'school_unknown')`. */
export function fieldError(path: string, key: string): CoreError {
  return new CoreError('validation', [{ path, key }]);
}

export const notFound = (): CoreError => new CoreError('not_found');
