import { describe, expect, it } from 'vitest';
import { editNotes, sharedDossier, useSyncWorld, type App } from './harness.js';

const world = useSyncWorld();


/** Every captured seq ended in exactly one outcome: seqs 1..n, nothing pending but audit events of reads since the last sync. */
function allSettled(app: App) {
  const outcomes = app.core.sync!.outcomes();
  const pending = app.sql<{ seq: number; entity: string }>('SELECT seq, entity FROM outbox');
  expect(pending.filter((p) => p.entity !== 'audit_event')).toEqual([]);
  const seqs = [...outcomes.map((o) => o.seq), ...pending.map((p) => p.seq)].sort((x, y) => x - y);
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  return outcomes;
}

describe('concurrent edits', () => {
  it('merges edits to different parts of the notes on both devices', async () => {
    const w = await world();
    const { a, b, d } = await sharedDossier(w, 'Lezen gaat goed. Rekenen blijft lastig. Thuis rustig.');
    await editNotes(a, d.id, 'Lezen gaat erg goed. Rekenen blijft lastig. Thuis rustig.');
    await editNotes(b, d.id, 'Lezen gaat goed. Rekenen blijft lastig. Thuis onrustig.');
    await a.sync();
    await b.sync();
    await a.sync();
    const merged = 'Lezen gaat erg goed. Rekenen blijft lastig. Thuis onrustig.';
    expect((await a.call('dossiers:get', { id: d.id })).notes).toBe(merged);
    expect((await b.call('dossiers:get', { id: d.id })).notes).toBe(merged);
    expect(await b.call('sync:conflicts', {})).toEqual([]);
    expect(allSettled(a).every((o) => o.status === 'applied')).toBe(true);
    allSettled(b);
    // The history shows who changed the notes (pulled versions, with user names).
    const history = await a.call('sync:history', { entity: 'dossier', id: d.id });
    expect(history.some((h) => h.by === 'Bram' && h.fields.includes('notes'))).toBe(true);
  });

  it.each(['mine', 'theirs', 'merged'] as const)('records a conflict for overlapping edits; resolving "%s" converges both', async (resolution) => {
    const w = await world();
    const { a, b, d } = await sharedDossier(w, 'Start');
    await editNotes(a, d.id, 'Versie van Anna');
    await editNotes(b, d.id, 'Versie van Bram');
    await a.sync();
    await b.sync();
    const conflicts = await b.call('sync:conflicts', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      entity: 'dossier', entityId: d.id, field: 'notes', dossierId: d.id, title: 'Eefje Öztürk',
      baseValue: 'Start', storeValue: 'Versie van Anna', deviceValue: 'Versie van Bram',
    });
    expect(b.core.sync!.outcomes().some((o) => o.status === 'conflict')).toBe(true);
    // Until resolved, the device shows the store's text (the device's own is kept in the conflict).
    expect((await b.call('dossiers:get', { id: d.id })).notes).toBe('Versie van Anna');
    expect((await b.call('sync:status', {})).openConflicts).toBe(1);
    // The conflict reaches Anna's device too, but it is Bram's to resolve: there "Uw versie" would be his text.
    await a.sync();
    expect(a.sql('SELECT count(*) AS n FROM sync_conflicts')).toEqual([{ n: 1 }]);
    expect(await a.call('sync:conflicts', {})).toEqual([]);
    expect((await a.call('sync:status', {})).openConflicts).toBe(0);

    await b.call('sync:resolve', { id: conflicts[0]!.id, resolution, ...(resolution === 'merged' ? { text: 'Samen: Anna en Bram' } : {}) });
    expect(await b.call('sync:conflicts', {})).toEqual([]);
    const again = await b.raw('sync:resolve', { id: conflicts[0]!.id, resolution });
    expect(again.ok ? null : again.error.message).toBe('Dit conflict is al opgelost.');
    await b.sync();
    await a.sync();
    const expected = { mine: 'Versie van Bram', theirs: 'Versie van Anna', merged: 'Samen: Anna en Bram' }[resolution];
    expect((await a.call('dossiers:get', { id: d.id })).notes).toBe(expected);
    expect((await b.call('dossiers:get', { id: d.id })).notes).toBe(expected);
    expect(await a.call('sync:conflicts', {})).toEqual([]);
    const stored = a.sql<{ status: string; resolution: string; resolved_by: string }>('SELECT status, resolution, resolved_by FROM sync_conflicts');
    expect(stored).toEqual([{ status: 'resolved', resolution, resolved_by: b.userId }]);
    allSettled(a);
    allSettled(b);
  });
});
