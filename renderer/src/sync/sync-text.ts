// Texts for sync data: Dutch (or English) labels for entity and column names, the message of a sync
// failure key, and the sentence for a failed sync call.
import type { TFunction } from 'i18next';
import { resources } from '../../../shared/i18n/index.js';
import { errorText, i18n } from '../i18n.js';
import { ContractError } from '../transport/transport.js';

/** The label of a synced column (`kind_inbreng_toelichting` → "Toelichting op de inbreng van het kind"). */
export function fieldLabel(t: TFunction, field: string): string {
  const key = `sync.fields.${field}`;
  return i18n.exists(key) ? t(key) : field;
}

export function entityLabel(t: TFunction, entity: string): string {
  const key = `sync.entities.${entity}`;
  return i18n.exists(key) ? t(key) : entity;
}

/**
 * The sentence for `SyncStatus.errorKey`. The core names the `errors.sync_*` messages; accept the key
 * with or without its section (`errors.sync_offline`, `sync_offline`, `offline`).
 */
export function syncErrorText(t: TFunction, errorKey: string | null): string {
  if (!errorKey) return '';
  const bare = errorKey.replace(/^(errors|sync\.errors)\./, '');
  const candidates = [errorKey, `errors.${bare}`, `errors.sync_${bare}`];
  const found = candidates.find((k) => k.includes('.') && i18n.exists(k) && typeof t(k) === 'string');
  return found ? t(found) : t('sync.error_unknown');
}

/** The key under `errors` whose Dutch text is `message`, if any: lets a core message follow the chosen language. */
function errorKeyOfDutch(message: string): string | null {
  for (const [key, text] of Object.entries(resources.nl.errors)) if (text === message) return key;
  return null;
}

/**
 * A failed sync call as a sentence. Sync failures carry their specific Dutch message (e.g. "De server
 * van het samenwerkingsverband is niet bereikbaar…") behind a generic code, so the message wins over
 * the code; a message we know is shown in the chosen language.
 */
export function syncFailureText(t: TFunction, err: unknown): string {
  if (err instanceof ContractError && err.code !== 'network' && err.message) {
    const key = errorKeyOfDutch(err.message);
    return key ? t(`errors.${key}`) : err.message;
  }
  return errorText(t, err);
}
