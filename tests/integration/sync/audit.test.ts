// The audit log through the store: every device pushes its own events, the beheerder (privacy officer)
// pulls and searches everyone's, other roles never receive them; the store keeps them append-only and
// refuses a device pushing another device's events; the store's chains verify until a row is changed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyStoredAudit } from '../../../server/audit-verify.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { WireRow } from '../../../shared/sync/protocol.js';
import { dossierInput } from '../../helpers/temp-core.js';
import { useSyncWorld, type App } from './harness.js';

const world = useSyncWorld();
const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const deviceOf = (a: App) => a.core.sync!.internals.state.device()!.deviceId;
type Row = WireRow & { device_id: string; seq: number };

describe('audit events sync', () => {
  it('reach the store and the beheerder, never another role; the store refuses foreign and changed events', async () => {
    const w = await world();
    const anna = await w.consulent('Anna', 'noord');
    const bram = await w.consulent('Bram', 'noord');
    const bea = await w.app('Bea', { role: 'beheerder', werkgebiedIds: [], schoolId: null });

    const d = await anna.call('dossiers:create', dossierInput(w.schools.noord, { notes: 'Vertrouwelijk' }));
    await anna.call('dossiers:get', { id: d.id });
    await anna.sync();
    const stored = (await w.store.admin.auditEvents(w.assoc)) as Row[];
    const annas = stored.filter((r) => r.device_id === deviceOf(anna));
    expect(annas.map((r) => r.action)).toEqual(expect.arrayContaining(['security', 'create', 'view']));
    expect(JSON.stringify(stored)).not.toMatch(/Eefje|Öztürk|Vertrouwelijk/);
    expect(verifyStoredAudit(stored, sha)).toMatchObject({ ok: true, breaks: [] });

    // The privacy officer's device receives everyone's events and finds Anna's view of the dossier by its id.
    await bea.sync();
    expect(bea.sql<Row>('SELECT * FROM audit_log WHERE device_id = ?', deviceOf(anna)).length).toBe(annas.length);
    const found = await bea.call('audit:search', { entityId: d.id, offset: 0, limit: 50 });
    expect(found.rows.map((r) => [r.action, r.userName])).toEqual(expect.arrayContaining([['view', 'Anna'], ['create', 'Anna']]));
    expect((await bea.call('audit:verify', {})).ok).toBe(true);

    // Another consultant, whose scope holds the same dossier, gets no one's audit events but their own.
    await bram.sync();
    await bram.call('dossiers:get', { id: d.id });
    await bram.sync();
    const bramsLocal = bram.sql<Row>('SELECT device_id FROM audit_log');
    expect(bramsLocal.length).toBeGreaterThan(0);
    expect(bramsLocal.every((r) => r.device_id === deviceOf(bram))).toBe(true);

    // Bram's device pushes an event in Anna's device's name: refused.
    const forged = { ...annas[0]!, id: uuidv7(), seq: 999 };
    const cols = Object.keys(forged);
    bram.core.local!.sqlite.prepare(`INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(forged);
    await bram.sync();
    expect(bram.sql('SELECT status, reason FROM sync_log WHERE entity_id = ?', forged.id)).toEqual([{ status: 'rejected', reason: 'forbidden' }]);

    // Anna's device changes one of its own events after it was pushed: the store keeps the original.
    const db = anna.core.local!.sqlite;
    db.exec('DROP TRIGGER audit_log_no_update');
    const first = annas.find((r) => r.action === 'view')!;
    db.prepare(`UPDATE audit_log SET entity_id = NULL WHERE id = ?`).run(first.id);
    await anna.sync();
    // A consultant may not even see stored events; the beheerder's own change meets the finalised rule.
    expect(anna.sql('SELECT status, reason FROM sync_log WHERE entity_id = ? ORDER BY seq DESC LIMIT 1', first.id))
      .toEqual([{ status: 'rejected', reason: 'out_of_scope' }]);
    const beas = bea.sql<Row & { id: string }>('SELECT * FROM audit_log WHERE device_id = ? ORDER BY seq LIMIT 1', deviceOf(bea))[0]!;
    bea.core.local!.sqlite.exec('DROP TRIGGER audit_log_no_update');
    bea.core.local!.sqlite.prepare(`UPDATE audit_log SET action = 'view' WHERE id = ?`).run(beas.id);
    await bea.sync();
    expect(bea.sql('SELECT status, reason FROM sync_log WHERE entity_id = ? ORDER BY seq DESC LIMIT 1', beas.id))
      .toEqual([{ status: 'rejected', reason: 'finalised' }]);
    const after = (await w.store.admin.auditEvents(w.assoc)) as Row[];
    expect(after.find((r) => r.id === first.id)).toEqual(first);
    expect(after.find((r) => r.id === beas.id)).toEqual(beas);
    expect(after.some((r) => r.id === forged.id)).toBe(false);
    expect(verifyStoredAudit(after, sha).ok).toBe(true);
  });
});
