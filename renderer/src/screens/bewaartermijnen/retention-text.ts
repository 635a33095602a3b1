// Error sentences of the retention methods: items chosen that are no longer due get their own sentence.
import type { TFunction } from 'i18next';
import { errorText } from '../../i18n.js';
import { ContractError } from '../../transport/transport.js';

export function retentionErrorText(t: TFunction, err: unknown): string {
  if (err instanceof ContractError && err.fields.some((f) => f.key === 'retention_not_due')) return t('validation.retention_not_due');
  return errorText(t, err);
}
