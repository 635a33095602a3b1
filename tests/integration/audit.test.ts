// The audit log on a real encrypted database: what is recorded for views, documents, changes and consent,
// that no content ends up in it, that its hash chain verifies, and that tampering is refused or detected.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../core/core.js';
import { main as auditVerifyCli } from '../../scripts/audit-verify.js';
import type { Dossier } from '../../shared/contract/index.js';
import { verifyAuditChains, type AuditEvent } from '../../shared/domain/audit-chain.js';
import { mdoDossier, mdoInput, READY } from '../helpers/mdo-fixtures.js';
import { dossierInput, MIGRATIONS, tempCore, tempDir, type TestCore } from '../helpers/temp-core.js';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const SECRET_NOTE = 'Geheime notitie over thuis XQZ';
const SECRET_ZORG = 'Zorgen over slapen XQZ';
/** Pupil and parent names, typed text, search text and document file names: none may reach the log. */
const CONTENT = [/Eefje/i, /Öztürk|Ozturk/i, /Ayşe/i, /XQZ/, /Regenboog/, /MDO-verslag/, /\.pdf/, /Consulent Test/];

let t: TestCore;
let d: Dossier;
const rows = () => t.core.local!.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditEvent[];

beforeEach(async () => {
  t = tempCore({ now: () => new Date('2026-11-02T13:32:00Z') });
  expect(rows()).toEqual([]); // nothing before there is a user
  await t.call('setup:complete', { name: 'Consulent Test', role: 'consulent', associationName: 'SWV Test' });
  d = await mdoDossier(t);
});
afterEach(() => t.dispose());

describe('audit log', () => {
  it('records views, PDFs, changes and consent with ids and field names only, in one verified chain', async () => {
    await t.call('dossiers:list', { query: 'Eefje', offset: 0, limit: 20 });
    const seen = await t.call('dossiers:get', { id: d.id });
    await t.call('dossiers:update', {
      id: d.id, baseVersion: seen.version,
      dossier: { ...dossierInput(seen.schoolId), voornaam: seen.voornaam, achternaam: seen.achternaam, notes: SECRET_NOTE, parents: seen.parents, involved: seen.involved },
    });
    const m = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput({ ...READY, zorgen: SECRET_ZORG }) });
    await t.call('mdo:save', { id: m.id, baseRevision: m.revision, mdo: mdoInput({ ...READY, zorgen: `${SECRET_ZORG} 2` }) });
    await t.call('mdo:get', { id: m.id });
    const consent = [{ parentId: d.parents.find((p) => p.gezag)!.id, besluit: 'instemming' as const, datum: '2026-11-02', wijze: 'schriftelijk' as const }];
    await t.call('mdo:finalise', { id: m.id, baseRevision: m.revision + 1, presentAttendeeIds: [], consent });
    await t.call('mdo:pdf', { id: m.id, document: 'verslag' });

    const log = rows();
    const of = (method: string) => log.filter((r) => r.method === method);
    expect(of('dossiers:list')).toEqual([]); // lists are not audited
    expect(of('dossiers:get')).toMatchObject([{ action: 'view', entity: 'dossier', entity_id: d.id, dossier_id: d.id }]);
    const change = of('dossiers:update')[0]!;
    expect(change).toMatchObject({ action: 'change', entity: 'dossier', entity_id: d.id });
    expect(JSON.parse(change.detail).fields).toContain('notes');
    expect(of('mdo:save')).toMatchObject([{ action: 'change', entity: 'mdo', entity_id: m.id, dossier_id: d.id }]);
    expect(JSON.parse(of('mdo:save')[0]!.detail).fields).toContain('zorgen');
    expect(of('mdo:get')).toMatchObject([{ action: 'view', entity: 'mdo', entity_id: m.id }]);
    expect(of('mdo:finalise')).toMatchObject([{ action: 'consent', entity: 'mdo', entity_id: m.id }]);
    expect(of('mdo:pdf')).toMatchObject([{ action: 'pdf', entity: 'mdo', entity_id: m.id }]);
    const user = (t.core.local!.sqlite.prepare(`SELECT value FROM settings WHERE key = 'profile'`).pluck().get() as string);
    for (const r of log) {
      expect(r.user_id).toBe(JSON.parse(user).userId);
      expect(r.at).toBe('2026-11-02T13:32:00.000Z');
      for (const [col, value] of Object.entries(r)) for (const re of CONTENT) expect(`${col}=${String(value)}`).not.toMatch(re);
    }
    expect(log.map((r) => r.seq)).toEqual(log.map((_, i) => i + 1));
    expect(new Set(log.map((r) => r.device_id)).size).toBe(1);
    expect(verifyAuditChains(log, sha)).toEqual([]);
    // Every event is captured for the store in the same transaction.
    const queued = t.core.local!.sqlite.prepare(`SELECT count(*) FROM outbox WHERE entity = 'audit_event'`).pluck().get();
    expect(queued).toBe(log.length);
  });

  it('is append-only: UPDATE and DELETE are refused by the database', () => {
    const db = t.core.local!.sqlite;
    expect(rows().length).toBeGreaterThan(0);
    expect(() => db.prepare(`UPDATE audit_log SET entity_id = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('detects a tampered row; on a standalone installation its one user is also its privacy officer', async () => {
    // Linked devices: the beheerder only (tests/integration/roles-matrix.test.ts).
    expect((await t.raw('audit:verify', {})).ok).toBe(true);
    expect((await t.raw('audit:search', { offset: 0, limit: 10 })).ok).toBe(true);
    const db = t.core.local!.sqlite;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET entity_id = ? WHERE seq = 2`).run(d.id.replace(/.$/, '0'));
    expect(verifyAuditChains(rows(), sha)).toEqual([{ deviceId: rows()[0]!.device_id, seq: 2, reason: 'hash' }]);
  });
});

describe('audit:verify and the local CLI', () => {
  it('shows the chain to the beheerder, and the CLI exits 1 once a row was changed', async () => {
    const dir = tempDir();
    const scrypt = { N: 2 ** 10, r: 8, p: 1 };
    const core = createCore({ dataDir: dir.dir, migrationsFolder: MIGRATIONS, scrypt, log: () => {}, syncIntervalMs: 0 });
    const call = async (m: string, input: unknown) => {
      const env = await core.call(m, input);
      if (!env.ok) throw new Error(`${m}: ${env.error.code}`);
      return env.value as never;
    };
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    vi.stubEnv('VELDWERK_PASSPHRASE', 'lange geheime zin');
    try {
      await call('vault:create', { passphrase: 'lange geheime zin' });
      await call('setup:complete', { name: 'Privacy Officer', role: 'beheerder', associationName: 'SWV Test' });
      await call('lock:lock', {});
      await call('lock:unlock', { secret: 'fout fout fout' });
      await call('lock:unlock', { secret: 'lange geheime zin' });
      const verified = await call('audit:verify', {}) as { ok: boolean; events: number };
      expect(verified).toMatchObject({ ok: true, breaks: [] });
      const found = await call('audit:search', { offset: 0, limit: 50 }) as { total: number; rows: { action: string; userName: string }[] };
      expect(found.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['lock', 'unlock_failed', 'unlock', 'audit']));
      expect(found.rows.every((r) => r.userName === 'Privacy Officer')).toBe(true);
      const failed = await call('audit:search', { action: 'unlock_failed', offset: 0, limit: 50 }) as { total: number };
      expect(failed.total).toBe(1);
      // The period filter works in Amsterdam days.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
      const inDay = await call('audit:search', { from: today, to: today, offset: 0, limit: 50 }) as { total: number };
      expect(inDay.total).toBe(found.total + 2); // plus the two searches since, each recorded after it ran
      const later = await call('audit:search', { from: '2999-01-01', offset: 0, limit: 50 }) as { total: number };
      expect(later.total).toBe(0);
      await core.close();

      expect(await auditVerifyCli([dir.dir])).toBe(0);
      expect(out.join('')).toMatch(/All chains intact/);

      const again = createCore({ dataDir: dir.dir, migrationsFolder: MIGRATIONS, scrypt, log: () => {}, syncIntervalMs: 0 });
      expect((await again.call('vault:unlock', { passphrase: 'lange geheime zin' })).ok).toBe(true);
      again.local!.sqlite.exec('DROP TRIGGER audit_log_no_update');
      again.local!.sqlite.prepare(`UPDATE audit_log SET action = 'view' WHERE seq = 3`).run();
      await again.close();
      out.length = 0;
      expect(await auditVerifyCli([dir.dir])).toBe(1);
      expect(out.join('')).toMatch(/first broken seq=3\t\(hash\)/);
    } finally {
      spy.mockRestore();
      vi.unstubAllEnvs();
      dir.remove();
    }
  });
});
