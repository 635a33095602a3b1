// The commands of the sync property test: what consultants do offline on their devices (through the
// real handlers, so the capture triggers write the outbox), sync rounds with faults, and replays of
// earlier push requests. Commands are plain data (readable in a counterexample); picks are taken
// modulo what the device has at that moment, so every generated sequence is executable.
import fc from 'fast-check';
import { GROEPEN, NIVEAUS } from '../../../shared/domain/dossier.js';
import type { Dossier, Input } from '../../../shared/contract/index.js';
import { TransportError } from '../../../shared/sync/transport.js';
import { inputOf, mdoInput, READY } from '../../helpers/mdo-fixtures.js';
import { dossierInput } from '../../helpers/temp-core.js';
import type { Client, World } from './world.js';
import type { Model } from './model.js';

const PARENT_NAMES = ['Ma', 'Pa', 'Oma Jansen', 'Voogd de Wit'] as const;
export const SYNC_FAULTS = ['none', 'dropPush', 'dropPull', 'duplicatePush', 'stalePull', 'cutUpload', 'cutDownload'] as const;
export type SyncFault = (typeof SYNC_FAULTS)[number];

export type Command =
  | { t: 'createDossier'; c: number; parents: boolean[]; involved: number; niveau: number; groep: string; words: number }
  | { t: 'notes'; c: number; d: number; at: number[] }
  | { t: 'scalar'; c: number; d: number; field: 'niveau'; value: number }
  | { t: 'scalar'; c: number; d: number; field: 'groep'; value: string }
  | { t: 'parent'; c: number; d: number; p: number; op: 'add' | 'remove' | 'rename'; name: string; gezag: boolean }
  | { t: 'kgCreate'; c: number; d: number }
  | { t: 'kgEdit'; c: number; k: number; field: 'observaties' | 'samenvatting'; at: number[] }
  | { t: 'kgFinish'; c: number; k: number }
  | { t: 'mdoCreate'; c: number; d: number }
  | { t: 'mdoEdit'; c: number; m: number; field: 'zorgen' | 'watGaatGoed'; at: number[] }
  | { t: 'mdoFinalise'; c: number; m: number }
  | { t: 'resolve'; c: number; x: number; how: 'mine' | 'theirs' | 'merged' }
  | { t: 'attach'; c: number; d: number; shared: boolean }
  | { t: 'detach'; c: number; a: number }
  | { t: 'sync'; c: number; fault: SyncFault }
  | { t: 'syncAll' }
  | { t: 'partition'; c: number; offline: boolean }
  | { t: 'replay'; c: number; r: number };

const c = fc.nat({ max: 9 });
const pick = fc.nat({ max: 99 });
const at = fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 3 });

function resolveArb() {
  return fc.record({ t: fc.constant('resolve' as const), c, x: pick, how: fc.constantFrom('mine' as const, 'theirs' as const, 'merged' as const) });
}

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ t: fc.constant('createDossier' as const), c, parents: fc.array(fc.boolean(), { maxLength: 2 }), involved: fc.nat({ max: 1 }), niveau: fc.constantFrom(...NIVEAUS), groep: fc.constantFrom(...GROEPEN), words: fc.nat({ max: 2 }) }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('notes' as const), c, d: pick, at }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('scalar' as const), c, d: pick, field: fc.constant('niveau' as const), value: fc.constantFrom(...NIVEAUS) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('scalar' as const), c, d: pick, field: fc.constant('groep' as const), value: fc.constantFrom(...GROEPEN) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('parent' as const), c, d: pick, p: pick, op: fc.constantFrom('add' as const, 'remove' as const, 'rename' as const), name: fc.constantFrom(...PARENT_NAMES), gezag: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('kgCreate' as const), c, d: pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('kgEdit' as const), c, k: pick, field: fc.constantFrom('observaties' as const, 'samenvatting' as const), at }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('kgFinish' as const), c, k: pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('mdoCreate' as const), c, d: pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('mdoEdit' as const), c, m: pick, field: fc.constantFrom('zorgen' as const, 'watGaatGoed' as const), at }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('mdoFinalise' as const), c, m: pick }) },
  { weight: 3, arbitrary: resolveArb() },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('attach' as const), c, d: pick, shared: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('detach' as const), c, a: pick }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('sync' as const), c, fault: fc.constantFrom(...SYNC_FAULTS) }) },
  { weight: 2, arbitrary: fc.constant({ t: 'syncAll' as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('partition' as const), c, offline: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('replay' as const), c, r: pick }) },
);

/** After everyone synced once: mostly conflict resolutions (conflicts exist only after syncs), some more work. */
export const epilogueArb: fc.Arbitrary<Command[]> = fc.array(
  fc.oneof({ weight: 3, arbitrary: resolveArb() }, { weight: 1, arbitrary: commandArb }),
  { maxLength: 5 },
);

/** Inserts each new token at a word position (taken modulo the number of gaps). */
export function insertTokens(text: string, tokens: string[], at: number[]): string {
  const words = text === '' ? [] : text.split(' ');
  tokens.forEach((tok, i) => words.splice(at[i]! % (words.length + 1), 0, tok));
  return words.join(' ');
}

/** The dossier as its edit form sends it back on an autosave. */
function editInput(d: Dossier): Input<'dossiers:update'>['dossier'] {
  return {
    voornaam: d.voornaam, tussenvoegsel: d.tussenvoegsel, achternaam: d.achternaam, geboortedatum: d.geboortedatum, groep: d.groep,
    schoolId: d.schoolId, consulentId: d.consulentId, niveau: d.niveau as Input<'dossiers:create'>['niveau'], notes: d.notes,
    parents: d.parents, involved: d.involved,
  };
}

const nth = <T>(xs: T[], i: number): T | undefined => (xs.length === 0 ? undefined : xs[i % xs.length]);

/** Refusals the app gives a user in normal operation (stale copy, finalised document…); anything else fails the run. */
const EXPECTED_REFUSALS = new Set(['conflict', 'not_found', 'validation']);

async function attempt<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    const code = (err as { envelope?: { code?: string } }).envelope?.code;
    if (code && EXPECTED_REFUSALS.has(code)) return undefined;
    throw err;
  }
}

export async function runCommand(world: World, model: Model, cmd: Command): Promise<void> {
  if (cmd.t === 'syncAll') {
    for (const x of world.clients) await syncStep(world, model, x, 'none');
    return;
  }
  const client = world.clients[cmd.c % world.clients.length]!;
  switch (cmd.t) {
    case 'sync':
      return syncStep(world, model, client, cmd.fault);
    case 'partition':
      client.faults.offline = cmd.offline;
      return;
    case 'replay': {
      const req = nth(client.sentPushes, cmd.r);
      if (!req) return;
      const head = await model.head(world);
      await client.replay(req);
      // Every seq of a request the store received is in `seen`: a late duplicate changes nothing.
      if ((await model.head(world)) !== head) throw new Error(`replay by ${client.name} changed the store`);
      return;
    }
    default:
      await localCommand(world, model, client, cmd);
      model.capture(client);
  }
}

async function syncStep(world: World, model: Model, client: Client, fault: SyncFault): Promise<void> {
  if (fault === 'dropPush') client.faults.dropReply = { push: 1 };
  if (fault === 'dropPull') client.faults.dropReply = { pull: 1 };
  if (fault === 'duplicatePush') client.faults.duplicatePush = true;
  if (fault === 'stalePull') client.model.stalePull = true;
  // Attachment content breaks off after a few bytes (the rest follows in a later round).
  if (fault === 'cutUpload') client.faults.cutUploadAfter = 7;
  if (fault === 'cutDownload') client.faults.cutDownloadAfter = 5;
  try {
    await client.engine.syncOnce();
  } catch (err) {
    // Only the network may fail a round here; it must fail as `offline` and leave things retryable.
    const dropped = client.faults.dropReply && Object.values(client.faults.dropReply).some((n) => n === 0);
    const cut = (fault === 'cutUpload' && client.faults.cutUploadAfter === undefined)
      || (fault === 'cutDownload' && client.faults.cutDownloadAfter === undefined);
    if (!(err instanceof TransportError && err.code === 'offline' && (client.faults.offline || dropped || cut))) throw err;
  } finally {
    client.faults.dropReply = undefined;
    client.faults.duplicatePush = false;
    client.faults.cutUploadAfter = undefined;
    client.faults.cutDownloadAfter = undefined;
    client.model.stalePull = false;
  }
  model.settle(client);
  await model.observe(world);
}

async function localCommand(world: World, model: Model, client: Client, cmd: Exclude<Command, { t: 'sync' | 'syncAll' | 'partition' | 'replay' }>) {
  const dossierIds = () => client.sql<{ id: string }>('SELECT id FROM dossiers ORDER BY id').map((r) => r.id);
  const dossier = async (d: number) => {
    const id = nth(dossierIds(), d);
    return id ? attempt(() => client.call('dossiers:get', { id })) : undefined;
  };
  const update = (d: Dossier, next: Input<'dossiers:update'>['dossier']) =>
    attempt(() => client.call('dossiers:update', { id: d.id, baseVersion: d.version, dossier: next }));
  switch (cmd.t) {
    case 'createDossier': {
      const school = client.werkgebied === 'noord' ? world.schools.noord : world.schools.zuid;
      const notes = Array.from({ length: cmd.words }, () => model.token(client)).join(' ');
      const parents = cmd.parents.map((gezag, i) => ({ name: PARENT_NAMES[i]!, relation: 'ouder' as const, gezag, phone: '', email: '' }));
      const involved = Array.from({ length: cmd.involved }, () => ({ role: 'leerkracht' as const, name: 'Juf Ans', organisation: 'De Vlinder' }));
      const d = await client.call('dossiers:create', dossierInput(school, {
        niveau: cmd.niveau as Input<'dossiers:create'>['niveau'], groep: cmd.groep as Input<'dossiers:create'>['groep'], notes, parents, involved,
      }));
      model.created(client, 'dossier', d.id);
      for (const p of d.parents) {
        model.created(client, 'dossier_parent', p.id);
        model.wrote(p.id, 'name', p.name);
      }
      for (const i of d.involved) model.created(client, 'dossier_involved', i.id);
      model.wrote(d.id, 'niveau', d.niveau);
      model.wrote(d.id, 'groep', d.groep);
      model.typed(notes, 'dossier', d.id, 'notes');
      return;
    }
    case 'notes': {
      const d = await dossier(cmd.d);
      if (!d) return;
      const tokens = cmd.at.map(() => model.token(client));
      if (await update(d, { ...editInput(d), notes: insertTokens(d.notes, tokens, cmd.at) })) model.typed(tokens.join(' '), 'dossier', d.id, 'notes');
      return;
    }
    case 'scalar': {
      const d = await dossier(cmd.d);
      if (!d) return;
      const next = { ...editInput(d), [cmd.field]: cmd.value } as Input<'dossiers:update'>['dossier'];
      if (await update(d, next)) model.wrote(d.id, cmd.field, cmd.value);
      return;
    }
    case 'parent': {
      const d = await dossier(cmd.d);
      if (!d) return;
      const base = editInput(d);
      const target = nth(d.parents, cmd.p);
      if (cmd.op === 'add' || !target) {
        if (d.parents.length >= 3) return;
        const saved = await update(d, { ...base, parents: [...base.parents, { name: cmd.name, relation: 'ouder', gezag: cmd.gezag, phone: '', email: '' }] });
        const added = saved?.parents.find((p) => !d.parents.some((q) => q.id === p.id));
        if (added) {
          model.created(client, 'dossier_parent', added.id);
          model.wrote(added.id, 'name', added.name);
        }
      } else if (cmd.op === 'remove') {
        if (await update(d, { ...base, parents: base.parents.filter((p) => p.id !== target.id) })) model.deleted('dossier_parent', target.id);
      } else if (await update(d, { ...base, parents: base.parents.map((p) => (p.id === target.id ? { ...p, name: cmd.name } : p)) })) {
        model.wrote(target.id, 'name', cmd.name);
      }
      return;
    }
    case 'kgCreate': {
      const d = await dossier(cmd.d);
      const k = d && (await attempt(() => client.call('kindgesprek:create', { dossierId: d.id })));
      if (k) model.created(client, 'kindgesprek', k.id);
      return;
    }
    case 'kgEdit': {
      const id = nth(client.sql<{ id: string }>(`SELECT id FROM kindgesprekken WHERE status = 'concept' ORDER BY id`), cmd.k)?.id;
      const k = id && (await attempt(() => client.call('kindgesprek:get', { id })));
      if (!k) return;
      const tokens = cmd.at.map(() => model.token(client));
      const { datum, leeftijd, topics, observaties, delenMetOuders, delenMetSchool, delenToelichting, samenvatting } = k;
      const input = { datum, leeftijd, topics, observaties, delenMetOuders, delenMetSchool, delenToelichting, samenvatting };
      input[cmd.field] = insertTokens(k[cmd.field], tokens, cmd.at);
      if (await attempt(() => client.call('kindgesprek:save', { id: k.id, baseRevision: k.revision, kindgesprek: input }))) {
        model.typed(tokens.join(' '), 'kindgesprek', k.id, cmd.field === 'observaties' ? 'observaties' : 'samenvatting');
      }
      return;
    }
    case 'kgFinish': {
      const id = nth(client.sql<{ id: string }>(`SELECT id FROM kindgesprekken WHERE status = 'concept' ORDER BY id`), cmd.k)?.id;
      const k = id && (await attempt(() => client.call('kindgesprek:get', { id })));
      if (k) await attempt(() => client.call('kindgesprek:finish', { id: k.id, baseRevision: k.revision }));
      return;
    }
    case 'mdoCreate': {
      const d = await dossier(cmd.d);
      const m = d && (await attempt(() => client.call('mdo:create', { dossierId: d.id, mdo: mdoInput(READY) })));
      if (m) model.created(client, 'mdo', m.id);
      return;
    }
    case 'mdoEdit': {
      const id = nth(client.sql<{ id: string }>(`SELECT id FROM mdos WHERE status = 'concept' ORDER BY id`), cmd.m)?.id;
      const m = id && (await attempt(() => client.call('mdo:get', { id })));
      if (!m) return;
      const tokens = cmd.at.map(() => model.token(client));
      const input = inputOf(m);
      input[cmd.field] = insertTokens(m[cmd.field], tokens, cmd.at);
      if (await attempt(() => client.call('mdo:save', { id: m.id, baseRevision: m.revision, mdo: input }))) {
        model.typed(tokens.join(' '), 'mdo', m.id, cmd.field === 'zorgen' ? 'zorgen' : 'wat_gaat_goed');
      }
      return;
    }
    case 'mdoFinalise': {
      const row = nth(client.sql<{ id: string; dossier_id: string }>(`SELECT id, dossier_id FROM mdos WHERE status = 'concept' ORDER BY id`), cmd.m);
      const m = row && (await attempt(() => client.call('mdo:get', { id: row.id })));
      const d = row && (await attempt(() => client.call('dossiers:get', { id: row.dossier_id })));
      if (!m || !d) return;
      const consent = d.parents.filter((p) => p.gezag).map((p) => ({ parentId: p.id, besluit: 'nog_niet_gevraagd' as const, datum: '', wijze: null }));
      await attempt(() => client.call('mdo:finalise', { id: m.id, baseRevision: m.revision, presentAttendeeIds: [], consent }));
      return;
    }
    case 'attach': {
      const d = await dossier(cmd.d);
      if (!d) return;
      const tlvId = client.sql<{ id: string }>('SELECT id FROM tlv_applications WHERE dossier_id = ? ORDER BY id', d.id)[0]?.id
        ?? (await attempt(() => client.call('tlv:create', { dossierId: d.id })))?.id;
      if (!tlvId) return;
      model.created(client, 'tlv', tlvId);
      // Shared content: several attachments (on several devices) with one blob.
      const label = cmd.shared ? 'gedeeld verslag' : model.token(client);
      const bytes = Buffer.from(`%PDF-1.7\n${label}\n%%EOF`);
      const a = await attempt(() => client.call('attachments:add', { ownerType: 'tlv', ownerId: tlvId, name: `${label}.pdf`, base64: bytes.toString('base64') }));
      if (a) model.created(client, 'attachment', a.id);
      return;
    }
    case 'detach': {
      const id = nth(client.sql<{ id: string }>('SELECT id FROM attachments ORDER BY id'), cmd.a)?.id;
      if (id && (await attempt(() => client.call('attachments:remove', { id })))) model.deleted('attachment', id);
      return;
    }
    case 'resolve': {
      const conflict = nth(await client.call('sync:conflicts', {}), cmd.x);
      if (!conflict) return;
      // A merge keeps every word of both versions (so the test can account for them).
      const store = conflict.storeValue.split(' ');
      const merged = [...store, ...conflict.deviceValue.split(' ').filter((w) => !store.includes(w))].join(' ').trim();
      await client.call('sync:resolve', { id: conflict.id, resolution: cmd.how, ...(cmd.how === 'merged' ? { text: merged } : {}) });
      return;
    }
  }
}

