// Opening a large MDO (30 afspraken, ~20,000 characters of text) through the contract in an encrypted
// database with 10k demo dossiers and a few thousand other MDOs; plus the autosave of one text field.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../core/dispatch.js';
import { createHandlers } from '../core/handlers/index.js';
import { generateDemo, DEMO_DEFAULTS } from '../db/demo/generator.js';
import { openDatabase } from '../db/open.js';
import type { Input, Mdo } from '../shared/contract/index.js';
import { measure, type Stats } from './stats.js';

const MIGRATIONS = join(import.meta.dirname, '../db/migrations');
const PARA = 'De leerkracht ziet dat het kind na de pauze moeilijk tot rust komt en veel steun nodig heeft bij het plannen. ';
const text = (chars: number) => PARA.repeat(Math.ceil(chars / PARA.length)).slice(0, chars).trim();

export interface MdoOpenResults {
  otherMdos: number;
  textChars: number;
  open: Stats;
  autosave: Stats;
}

function mdoInput(big: boolean): Input<'mdo:create'>['mdo'] {
  const t = (n: number) => (big ? text(n) : '');
  return {
    datum: '2026-11-02', tijd: '14:30', locatie: 'OBS De Regenboog', agenda: ['Opening', 'Stand van zaken', 'Afspraken'],
    attendees: Array.from({ length: big ? 8 : 3 }, (_, i) => ({ name: `Deelnemer ${i}`, role: 'leerkracht' as const, roleOther: '', parentId: null, involvedId: null })),
    kindAanwezig: 'deels', kindInbreng: 'aanwezig', kindInbrengToelichting: '',
    ondersteuningsvraagSchool: t(2000), ondersteuningsvraagOuders: t(1500), ondersteuningsvraagKind: t(800), watGaatGoed: t(2000),
    zorgen: t(2500), stimulerend: { kind: t(800), school: t(800), thuis: t(800) }, belemmerend: { kind: t(800), school: t(800), thuis: t(800) },
    onderwijsbehoeften: t(2000), ondersteuningsbehoefteLeerkracht: t(1200), crucialeDoelen: t(1200),
    afspraken: Array.from({ length: big ? 30 : 3 }, (_, i) => ({ wat: `Afspraak ${i}: ${text(120)}`, wie: 'IB', wanneer: '2026-12-01' })),
    regiehouder: 'Marieke Bos', visieOuders: t(1000), kindgesprekId: null, stemVanHetKind: t(500), wegingKindvisie: t(300), evaluatiedatum: '2027-02-01',
  };
}

export async function runMdoOpenBench(dossiers: number, n: number, otherMdos = 3000): Promise<MdoOpenResults> {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-bench-mdo-'));
  const local = openDatabase({ file: join(dir, 'bench.db'), key: randomBytes(32), migrationsFolder: MIGRATIONS });
  try {
    const demo = generateDemo(local.sqlite, { ...DEMO_DEFAULTS, dossiers });
    local.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('profile', ?)").run(JSON.stringify({ userId: demo.userId, associationName: 'Bench' }));
    const handlers = createHandlers(local, { now: () => new Date() });
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const env = await dispatch(method, input, (m, i) => (handlers[m as keyof typeof handlers] as (x: unknown) => unknown)(i), { log: () => {} });
      if (!env.ok) throw new Error(`${method}: ${env.error.code}`);
      return env.value as T;
    };
    const ids = local.sqlite.prepare('SELECT id FROM dossiers ORDER BY rowid LIMIT ?').pluck().all(otherMdos + 1) as string[];
    for (const id of ids.slice(1)) await call('mdo:create', { dossierId: id, mdo: mdoInput(false) });
    let big = await call<Mdo>('mdo:create', { dossierId: ids[0], mdo: mdoInput(true) });
    const input = mdoInput(true);
    const textChars = JSON.stringify(big).length;
    const open = await measure(n, 20, () => call('mdo:get', { id: big.id }));
    const autosave = await measure(n, 20, async (i) => {
      const { afspraken: _a, ...rest } = input;
      big = await call<Mdo>('mdo:save', { id: big.id, baseRevision: big.revision, mdo: { ...rest, afspraken: big.afspraken, zorgen: `${input.zorgen} ${i}` } });
    });
    return { otherMdos, textChars, open, autosave };
  } finally {
    local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
