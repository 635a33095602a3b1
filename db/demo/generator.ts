// Deterministic generator of a synthetic association: the same seed gives the same data, byte for byte.
import type Database from 'better-sqlite3';
import { foldText, GROEPEN, INVOLVED_ROLES, type Groep } from '../../shared/domain/dossier.js';
import { withoutCapture } from '../open.js';
import { demoTlvs } from './commission.js';
import { FIRST_NAMES, LAST_NAMES, NOTE_PARTS, PLACES, SCHOOL_NAMES, SCHOOL_PREFIXES, WERKGEBIEDEN } from './names.js';

export interface DemoOptions {
  seed: number;
  werkgebieden: number;
  schools: number;
  dossiers: number;
}
export const DEMO_DEFAULTS: DemoOptions = { seed: 20_261_122, werkgebieden: 8, schools: 100, dossiers: 3000 };
export const DEMO_ASSOCIATION = 'Demo-samenwerkingsverband Noordkust';

/** sfc32: small, fast, good enough for test data, and identical on every platform. */
export function prng(seed: number) {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}

const BASE_MS = Date.UTC(2024, 7, 1, 7, 0, 0);
const REFERENCE_YEAR = 2026;
/** Submitted, complete TLV applications in the commission's inbox. */
const DEMO_TLVS = 6;

export function generateDemo(sqlite: Database.Database, opts: DemoOptions) {
  const r = prng(opts.seed);
  let clock = 0;
  // UUIDv7-shaped ids from the seeded generator: time-ordered and reproducible.
  const id = () => {
    const ms = (BASE_MS + clock++ * 997).toString(16).padStart(12, '0');
    const hex = Array.from({ length: 20 }, () => r.int(16).toString(16)).join('');
    return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex.slice(0, 3)}-${(8 + r.int(4)).toString(16)}${hex.slice(3, 6)}-${hex.slice(6, 18)}`;
  };
  const at = (dayOffset: number) => new Date(BASE_MS + dayOffset * 86_400_000 + r.int(36_000_000)).toISOString();
  const person = () => {
    const [tv, an] = r.pick(LAST_NAMES);
    return { voornaam: r.pick(FIRST_NAMES), tussenvoegsel: tv, achternaam: an };
  };
  const personName = (p: ReturnType<typeof person>) => [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');

  const ins = {
    user: sqlite.prepare('INSERT INTO users (id, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    wg: sqlite.prepare('INSERT INTO werkgebieden (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    school: sqlite.prepare('INSERT INTO schools (id, name, brin, place, werkgebied_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    dossier: sqlite.prepare(`INSERT INTO dossiers (id, voornaam, tussenvoegsel, achternaam, sort_name, geboortedatum, groep, school_id,
      consulent_id, niveau, status, notes, closed_at, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`),
    parent: sqlite.prepare('INSERT INTO dossier_parents (id, dossier_id, position, name, relation, gezag, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    involved: sqlite.prepare('INSERT INTO dossier_involved (id, dossier_id, position, role, name, organisation) VALUES (?, ?, ?, ?, ?, ?)'),
    event: sqlite.prepare('INSERT INTO dossier_events (id, dossier_id, at, type, actor_id, fields) VALUES (?, ?, ?, ?, ?, ?)'),
  };

  // Demo data is not this device's work for the association: it is never captured for sync.
  return withoutCapture(sqlite, () => sqlite.transaction(() => {
    const created = at(0);
    const wgs = WERKGEBIEDEN.slice(0, opts.werkgebieden).map((name) => ({ id: id(), name, consultant: id() }));
    for (const w of wgs) {
      ins.wg.run(w.id, w.name, created, created);
      ins.user.run(w.consultant, personName(person()), 'consulent', created, created);
    }
    const usedBrin = new Set<string>();
    const schools = Array.from({ length: opts.schools }, (_, i) => {
      let brin: string;
      do brin = `${String(r.int(100)).padStart(2, '0')}${String.fromCharCode(65 + r.int(26), 65 + r.int(26))}`;
      while (usedBrin.has(brin));
      usedBrin.add(brin);
      const w = wgs[i % wgs.length]!;
      const s = { id: id(), w, name: `${r.pick(SCHOOL_PREFIXES)} ${r.pick(SCHOOL_NAMES)}`, brin, place: r.pick(PLACES) };
      ins.school.run(s.id, s.name, s.brin, s.place, w.id, created, created);
      return s;
    });
    const waiting: { id: string; parentName: string; consultant: string }[] = [];
    for (let i = 0; i < opts.dossiers; i++) {
      const s = schools[r.int(schools.length)]!;
      const p = person();
      const groepIndex = r.int(8);
      const groep = GROEPEN[groepIndex] as Groep;
      const year = REFERENCE_YEAR - 5 - groepIndex - r.int(2);
      const born = `${year}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
      const day = r.int(800);
      const createdAt = at(day);
      const status = r.next() < 0.15 ? 'afgesloten' : r.next() < 0.3 ? 'aangemeld' : 'lopend';
      const notes = Array.from({ length: 1 + r.int(3) }, () => r.pick(NOTE_PARTS)).join(' ');
      const dossierId = id();
      ins.dossier.run(dossierId, p.voornaam, p.tussenvoegsel, p.achternaam, foldText(`${p.achternaam} ${p.voornaam}`), born, groep,
        s.id, s.w.consultant, r.int(5), status, notes, status === 'afgesloten' ? createdAt : null, createdAt, createdAt);
      for (let k = 0, n = 1 + r.int(2); k < n; k++) {
        const ouder = { ...person(), achternaam: k === 0 ? p.achternaam : person().achternaam };
        if (k === 0 && status === 'lopend' && waiting.length < DEMO_TLVS) waiting.push({ id: dossierId, parentName: personName(ouder), consultant: s.w.consultant });
        ins.parent.run(id(), dossierId, k, personName(ouder), k === 0 ? 'moeder' : 'vader', r.next() < 0.9 ? 1 : 0,
          `06 ${String(10_000_000 + r.int(89_999_999))}`, `ouder${i}-${k}@voorbeeld.nl`);
      }
      for (let k = 0, n = r.int(3); k < n; k++) {
        ins.involved.run(id(), dossierId, k, r.pick(INVOLVED_ROLES.slice(0, 12)), personName(person()), k === 0 ? s.name : 'GGD Hollands Noorden');
      }
      ins.event.run(id(), dossierId, createdAt, 'created', s.w.consultant, '[]');
      if (status === 'afgesloten') ins.event.run(id(), dossierId, createdAt, 'closed', s.w.consultant, '[]');
    }
    // After every dossier, so the dossiers of a seed stay as they were.
    demoTlvs(sqlite, { id, at, pick: r.pick }, waiting, 790);
    return {
      userId: wgs[0]!.consultant,
      associationName: DEMO_ASSOCIATION,
      werkgebieden: wgs.length,
      schools: schools.length,
      dossiers: opts.dossiers,
    };
  })());
}
