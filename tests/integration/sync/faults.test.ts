import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dossierInput } from '../../helpers/temp-core.js';
import { useSyncWorld } from './harness.js';

const world = useSyncWorld();

describe('sync under faults', () => {
  it('round-trips an attachment with a cut upload and a cut download, both resumed', async () => {
    const w = await world();
    const a = await w.consulent('Anna', 'noord');
    const b = await w.consulent('Bram', 'noord');
    const d = await a.call('dossiers:create', dossierInput(w.schools.noord));
    const tlv = await a.call('tlv:create', { dossierId: d.id });
    // 1.5 MiB: two upload chunks.
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1_500_000).map((x) => 32 + (x % 90)), Buffer.from('\n%%EOF')]);
    const att = await a.call('attachments:add', { ownerType: 'tlv', ownerId: tlv.id, name: 'advies.pdf', base64: bytes.toString('base64') });

    a.faults.cutUploadAfter = 300_000;
    await expect(a.sync()).rejects.toMatchObject({ code: 'offline' });
    expect((await a.call('sync:status', {})).pending).toBeGreaterThan(0);
    await a.sync();
    // The second round went on from what the store had received, not from 0.
    const appends = a.transports.reduce((n, t) => n + (t.calls.blobAppend ?? 0), 0);
    expect(appends).toBe(3);

    b.faults.cutDownloadAfter = 200_000;
    b.faults.dropReply = { blobGet: 1 };
    await expect(b.sync()).rejects.toMatchObject({ code: 'offline' });
    expect(b.sql<{ n: number }>('SELECT length(bytes) AS n FROM sync_blob_downloads')).toEqual([{ n: 200_000 }]);
    const pending = await b.raw('attachments:get', { id: att.id });
    expect(pending.ok ? null : pending.error.message).toMatch(/wordt nog opgehaald/);
    await b.sync();
    const got = await b.call('attachments:get', { id: att.id });
    expect(createHash('sha256').update(Buffer.from(got.base64, 'base64')).digest('hex')).toBe(att.sha256);
    expect(b.sql('SELECT * FROM sync_blob_downloads')).toEqual([]);
  });

  it('re-pushes after a reply lost after commit: same results, nothing duplicated', async () => {
    const w = await world();
    const a = await w.consulent('Anna', 'noord');
    const b = await w.consulent('Bram', 'noord');
    const d = await a.call('dossiers:create', dossierInput(w.schools.noord, { notes: 'Een' }));
    const pending = (await a.call('sync:status', {})).pending;
    a.faults.dropReply = { push: 1 };
    await expect(a.sync()).rejects.toMatchObject({ code: 'offline' });
    expect((await a.call('sync:status', {})).pending).toBe(pending);
    a.faults.duplicatePush = true;
    await a.sync();
    const outcomes = a.core.sync!.outcomes();
    // `pending` counts the user's edits; the audit events of the calls go out too (docs/security.md).
    expect(a.sql("SELECT seq FROM sync_log WHERE entity <> 'audit_event'")).toHaveLength(pending);
    expect(outcomes.every((o) => o.status === 'applied')).toBe(true);
    await b.sync();
    expect(b.sql('SELECT id FROM dossiers')).toEqual([{ id: d.id }]);
    expect(b.sql<{ n: number }>('SELECT count(*) AS n FROM dossier_events')).toEqual([{ n: 1 }]);
    expect((await b.call('dossiers:get', { id: d.id })).notes).toBe('Een');
  });

  it('a revoked device stops syncing and keeps its data', async () => {
    const w = await world();
    const a = await w.consulent('Anna', 'noord');
    const d = await a.call('dossiers:create', dossierInput(w.schools.noord));
    await a.sync();
    const device = (await w.store.admin.listDevices(w.assoc)).find((x) => x.userId === a.userId)!;
    await w.store.admin.revokeDevice(device.id);
    await a.call('dossiers:update', { id: d.id, baseVersion: (await a.call('dossiers:get', { id: d.id })).version, dossier: dossierInput(w.schools.noord, { notes: 'Na intrekking' }) });
    await expect(a.sync()).rejects.toMatchObject({ code: 'device_revoked' });
    const status = await a.call('sync:status', {});
    expect(status).toMatchObject({ state: 'revoked', errorKey: 'errors.sync_device_revoked' });
    expect(status.pending).toBeGreaterThan(0);
    expect((await a.call('dossiers:get', { id: d.id })).notes).toBe('Na intrekking');
    // sync:now does nothing more: the state stays revoked.
    expect((await a.call('sync:now', {})).state).toBe('revoked');
    // A new code for the same user links it again; the kept edit then goes out.
    const { code } = await w.store.admin.issueEnrollmentCode(a.userId, 10);
    expect((await a.call('sync:enroll', { storeUrl: 'https://store.example', code, deviceName: 'Nieuw' })).state).not.toBe('revoked');
    while (a.core.sync!.isRunning()) await new Promise((r) => setTimeout(r, 5));
    await a.sync();
    expect(await a.call('sync:status', {})).toMatchObject({ state: 'idle', pending: 0, errorKey: null, deviceName: 'Nieuw' });
    expect(a.core.sync!.outcomes().every((o) => o.status === 'applied')).toBe(true);
  });

  it('refuses to enrol twice or over local data', async () => {
    const w = await world();
    const a = await w.consulent('Anna', 'noord');
    const again = await a.raw('sync:enroll', { storeUrl: 'https://store.example', code: 'ABCDEFGH', deviceName: 'x' });
    expect(again.ok ? null : again.error.message).toBe('Dit apparaat is al gekoppeld met een samenwerkingsverband.');
  });
});
