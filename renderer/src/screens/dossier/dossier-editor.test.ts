// The autosave rules without React, on fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dossier, Input } from '../../../../shared/contract/index.js';
import { deferred, fakeTransport } from '../../test/fake-transport.js';
import { id, makeDossier } from '../../test/data.js';
import { AUTOSAVE_DELAY_MS, DossierEditor } from './dossier-editor.js';
import { emptyParent } from './draft.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const saved = (base: Dossier, input: Input<'dossiers:update'>): Dossier => ({
  ...base,
  voornaam: input.dossier.voornaam,
  notes: input.dossier.notes ?? '',
  parents: input.dossier.parents.map((p, i) => ({ ...p, phone: p.phone ?? '', email: p.email ?? '', id: p.id ?? id(800 + i) })),
  version: input.baseVersion + 1,
});

describe('DossierEditor', () => {
  it('debounces edits into one save of the whole dossier', async () => {
    const base = makeDossier();
    const fake = fakeTransport({ 'dossiers:update': (i) => saved(base, i) });
    const editor = new DossierEditor(fake, base);
    editor.edit((d) => ({ ...d, voornaam: 'S' }), ['voornaam']);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    editor.edit((d) => ({ ...d, voornaam: 'Sa' }), ['voornaam']);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    expect(fake.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(fake.inputsOf('dossiers:update')).toEqual([
      expect.objectContaining({ id: base.id, baseVersion: 3, dossier: expect.objectContaining({ voornaam: 'Sa', achternaam: 'Vries' }) }),
    ]);
    expect(editor.getSnapshot().status).toBe('saved');
    expect(editor.dirty).toBe(false);
  });

  it('queues a save that comes due while another is in flight, with the new base version', async () => {
    const base = makeDossier();
    const first = deferred<Dossier>();
    const fake = fakeTransport({ 'dossiers:update': (i, n) => (n === 0 ? first.promise : saved(base, i)) });
    const editor = new DossierEditor(fake, base);
    editor.edit((d) => ({ ...d, voornaam: 'A' }), ['voornaam']);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    editor.edit((d) => ({ ...d, notes: 'B' }), ['notes']);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS); // due while the first is in flight
    expect(fake.inputsOf('dossiers:update')).toHaveLength(1);
    first.resolve(saved(base, fake.inputsOf('dossiers:update')[0]!));
    await vi.advanceTimersByTimeAsync(0);
    const updates = fake.inputsOf('dossiers:update');
    expect(updates).toHaveLength(2);
    expect(updates[1]).toMatchObject({ baseVersion: 4, dossier: { voornaam: 'A', notes: 'B' } });
    expect(editor.getSnapshot().draft).toMatchObject({ voornaam: 'A', notes: 'B' });
  });

  it('gives new parents the ids the core made, so the next save updates them', async () => {
    const base = makeDossier();
    const fake = fakeTransport({ 'dossiers:update': (i) => saved(base, i) });
    const editor = new DossierEditor(fake, base);
    editor.edit((d) => ({ ...d, parents: [{ ...emptyParent(), name: 'Eva', relation: 'moeder' }] }), ['parents']);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    editor.edit((d) => ({ ...d, parents: d.parents.map((p) => ({ ...p, phone: '0612345678' })) }), ['parents.0.phone']);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    const updates = fake.inputsOf('dossiers:update');
    expect(updates[0]!.dossier.parents[0]).not.toHaveProperty('id');
    expect(updates[1]!.dossier.parents[0]).toMatchObject({ id: id(800), name: 'Eva', phone: '0612345678' });
  });

  it('does not send a dossier the shared schema rejects, and flush reports it unsaved', async () => {
    const base = makeDossier();
    const fake = fakeTransport({ 'dossiers:update': (i) => saved(base, i) });
    const editor = new DossierEditor(fake, base);
    editor.edit((d) => ({ ...d, voornaam: '' }), ['voornaam']);
    expect(editor.errorKey('voornaam')).toBe('required');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(fake.calls).toHaveLength(0);
    expect(editor.getSnapshot().status).toBe('invalid');
    expect(await editor.flush()).toBe(false);
  });
});

describe('status after close and reopen', () => {
  it('follows the core: a reopened dossier autosaves as lopend, not its old status', async () => {
    const sent: unknown[] = [];
    const base = { ...makeDossier(), status: 'aangemeld' as const };
    const fake = fakeTransport({
      'dossiers:update': (i) => {
        sent.push(i.dossier.status);
        return { ...saved(base, i), status: i.dossier.status ?? 'aangemeld' };
      },
    });
    const editor = new DossierEditor(fake, base);
    expect(editor.getSnapshot().draft.status).toBe('aangemeld');
    editor.replaceSaved({ ...base, status: 'afgesloten', version: base.version + 1 });
    editor.replaceSaved({ ...base, status: 'lopend', version: base.version + 2 });
    editor.edit((d) => ({ ...d, notes: 'na heropenen' }), ['notes']);
    await editor.save();
    expect(sent).toEqual(['lopend']);
  });
});
