// Shared set-up of the MDO and kindgesprek tests: a dossier with two parents (one with gezag) and
// a minimal valid MDO input.
import type { Input } from '../../shared/contract/index.js';
import { dossierInput, type TestCore } from './temp-core.js';

let schools = 0;

export async function mdoDossier(t: TestCore, over: Partial<Input<'dossiers:create'>> = {}) {
  const n = ++schools;
  const wg = await t.call('werkgebieden:save', { name: `Werkgebied ${n}` });
  const brin = `${String(n % 100).padStart(2, '0')}${String.fromCharCode(65 + Math.floor(n / 100) % 26)}B`;
  const school = await t.call('schools:save', { name: 'OBS De Regenboog', brin, place: 'Alkmaar', werkgebiedId: wg.id });
  return t.call('dossiers:create', dossierInput(school.id, {
    parents: [
      { name: 'Ayşe Öztürk', relation: 'moeder', gezag: true, phone: '', email: '' },
      { name: 'Stiefvader', relation: 'anders', gezag: false, phone: '', email: '' },
    ],
    ...over,
  }));
}

export function mdoInput(over: Partial<Input<'mdo:create'>['mdo']> = {}): Input<'mdo:create'>['mdo'] {
  const factors = { kind: '', school: '', thuis: '' };
  return {
    datum: '2026-11-02', tijd: '14:30', locatie: 'OBS De Regenboog', agenda: ['Opening'],
    attendees: [{ name: 'Marieke Bos', role: 'ib', roleOther: '', parentId: null, involvedId: null }],
    kindAanwezig: 'deels', kindInbreng: 'aanwezig', kindInbrengToelichting: '',
    ondersteuningsvraagSchool: '', ondersteuningsvraagOuders: '', ondersteuningsvraagKind: '', watGaatGoed: '', zorgen: '',
    stimulerend: factors, belemmerend: factors, onderwijsbehoeften: '', ondersteuningsbehoefteLeerkracht: '', crucialeDoelen: '',
    afspraken: [], regiehouder: '', visieOuders: '', kindgesprekId: null, stemVanHetKind: '', wegingKindvisie: '', evaluatiedatum: '',
    ...over,
  };
}

/** An input from a stored MDO (what the UI sends back on the next autosave). */
export function inputOf(m: Record<string, unknown>): Input<'mdo:create'>['mdo'] {
  const keys = Object.keys(mdoInput()) as (keyof ReturnType<typeof mdoInput>)[];
  const out = Object.fromEntries(keys.map((k) => [k, m[k]])) as ReturnType<typeof mdoInput>;
  return { ...out, attendees: out.attendees.map(({ present: _p, ...a }: { present?: boolean } & (typeof out.attendees)[number]) => a) };
}

/** What finalisation needs on top of the base input. */
export const READY = { evaluatiedatum: '2027-02-01', stemVanHetKind: 'Ik wil meer pauzes.', wegingKindvisie: 'Meegenomen in de doelen.' };
