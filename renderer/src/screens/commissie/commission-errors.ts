// The core's specific refusals ("staat al op de agenda", "geen TLV-nummers meer") arrive as a generic
// code with their Dutch sentence; show that sentence (in English when chosen) rather than the code's.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resources } from '../../../../shared/i18n/index.js';
import { errorText } from '../../i18n.js';
import { ContractError } from '../../transport/transport.js';

export function commissionErrorText(t: TFunction, err: unknown): string {
  if (err instanceof ContractError && err.code !== 'network' && err.code !== 'validation' && err.message) {
    for (const [key, text] of Object.entries(resources.nl.errors)) if (text === err.message) return t(`errors.${key}`);
  }
  return errorText(t, err);
}

/** Like useAction, with the core's specific message; `validation` failures go to `onInvalid` when given. */
export function useCommissionAction(action: () => Promise<unknown>, onInvalid?: (fields: { path: string; key: string }[]) => string) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async () => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (err) {
      if (onInvalid && err instanceof ContractError && err.code === 'validation') setError(onInvalid(err.fields));
      else setError(commissionErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}
