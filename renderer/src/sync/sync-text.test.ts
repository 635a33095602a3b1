// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { REJECT_REASONS } from '../../../shared/sync/protocol.js';
import { ENTITY_DEFS, SYNC_ENTITIES } from '../../../shared/sync/entities.js';
import { SYNC_STATES } from '../../../shared/contract/index.js';
import { en } from '../../../shared/i18n/en.js';
import { nl } from '../../../shared/i18n/nl.js';
import { i18n } from '../i18n.js';
import { ContractError } from '../transport/transport.js';
import { entityLabel, fieldLabel, syncErrorText, syncFailureText } from './sync-text.js';

const t = i18n.t.bind(i18n);
afterEach(() => void i18n.changeLanguage('nl'));

describe('sync texts', () => {
  it('has a Dutch and English label for every synced field and entity', () => {
    for (const def of ENTITY_DEFS) {
      for (const f of def.fields) {
        expect(nl.sync.fields, `${def.name}.${f.name}`).toHaveProperty(f.name);
        expect(fieldLabel(t, f.name)).not.toBe(f.name);
      }
    }
    for (const e of SYNC_ENTITIES) expect(entityLabel(t, e)).toBe(nl.sync.entities[e]);
    expect(fieldLabel(t, 'onbekend_veld')).toBe('onbekend_veld');
  });

  it('has a text per reject reason, and an announcement per state', () => {
    for (const r of REJECT_REASONS) {
      expect(nl.sync.rejections.reason[r]).toMatch(/niets verloren/);
      expect(en.sync.rejections.reason[r]).toMatch(/[Nn]othing is lost/);
    }
    for (const s of SYNC_STATES) expect(nl.sync.announce[s]).toBeTruthy();
  });

  it('turns a failure key into its sentence, with or without the section', () => {
    expect(syncErrorText(t, 'sync_offline')).toBe(nl.errors.sync_offline);
    expect(syncErrorText(t, 'errors.sync_offline')).toBe(nl.errors.sync_offline);
    expect(syncErrorText(t, 'offline')).toBe(nl.errors.sync_offline);
    expect(syncErrorText(t, 'iets_nieuws')).toBe(nl.sync.error_unknown);
  });

  it("shows a failed call's specific message, in English when chosen", async () => {
    const err = new ContractError('bad_request', nl.errors.sync_enroll_invalid);
    expect(syncFailureText(t, err)).toBe(nl.errors.sync_enroll_invalid);
    await i18n.changeLanguage('en');
    expect(syncFailureText(t, err)).toBe(en.errors.sync_enroll_invalid);
    expect(syncFailureText(t, new ContractError('internal', 'Een onbekende Nederlandse zin.'))).toBe('Een onbekende Nederlandse zin.');
    expect(syncFailureText(t, new ContractError('network', 'x'))).toBe(en.errors.network);
  });
});
