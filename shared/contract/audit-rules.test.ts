import { describe, expect, it } from 'vitest';
import { AUDITED, NOT_AUDITED } from './audit-rules.js';
import { METHODS } from './index.js';

describe('audit classification', () => {
  it('classifies every contract method: audited, or not audited with a reason', () => {
    // A new method fails here until it has an entry in AUDITED or NOT_AUDITED (shared/contract/audit-rules.ts).
    const missing = METHODS.filter((m) => !(m in AUDITED) && !(m in NOT_AUDITED));
    expect(missing).toEqual([]);
    const both = METHODS.filter((m) => m in AUDITED && m in NOT_AUDITED);
    expect(both).toEqual([]);
    const unknown = [...Object.keys(AUDITED), ...Object.keys(NOT_AUDITED)].filter((m) => !(METHODS as string[]).includes(m));
    expect(unknown).toEqual([]);
  });

  it('audits every read of a single record, every document and every change', () => {
    for (const m of METHODS) {
      if (!m.startsWith('vault:') && /:(get|pdf|letter|notulenPdf|save|create|remove|finalise|finish|submit|decide)$/.test(m)) expect(AUDITED, m).toHaveProperty([m]);
    }
  });
});
