// The commission's meeting pack at meeting scale: 20 TLV cases on a fresh encrypted database, each with
// realistic attachments (a 3-page and a 2-page PDF, two 1-page reports, two 1-page advices and a ~350 kB
// JPEG), made through the contract. Times the full pack (attachments appended) and the pseudonymised
// pack (no attachments, every text masked) from startPack until packStatus hands out the PDF.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core/core.js';
import { greyJpeg, markerPdf } from '../core/pdf/commission-fixtures.js';
import type { Input, Method, Output } from '../shared/contract/index.js';
import { prng } from '../db/demo/generator.js';
import { stats, type Stats } from './stats.js';

const MIGRATIONS = join(import.meta.dirname, '../db/migrations');
const FONTS = fileURLToPath(new URL('../resources/fonts', import.meta.url));
const FIRST = ['Sanne', 'Daan', 'Noor', 'Milan', 'Fenna', 'Luuk', 'Yara', 'Sem', 'Lotte', 'Bram', 'Aylin', 'Mohamed', 'Zoë', 'Jesse'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Yılmaz', 'El Amrani', 'van Dijk', 'Mulder', 'de Boer', 'Bos', 'Peters'];

export interface CommissionBenchResults { cases: number; pages: { full: number; pseudo: number }; bytes: { full: number; pseudo: number }; full: Stats; pseudo: Stats; fullRuns: number[]; pseudoRuns: number[] }

function caller(core: Core) {
  return async <M extends Method>(m: M, input: Input<M>): Promise<Output<M>> => {
    const env = await core.call(m, input);
    if (!env.ok) throw new Error(`${m}: ${env.error.code}`);
    return env.value as Output<M>;
  };
}

/** A submitted, complete TLV for a new pupil, its texts naming the pupil, the parents and the birth date. */
async function tlvCase(call: ReturnType<typeof caller>, schoolId: string, i: number, files: { okr: Buffer; opp: Buffer; page: Buffer; jpeg: Buffer }) {
  const r = prng(1000 + i);
  const voornaam = r.pick(FIRST);
  const [tv, ...rest] = r.pick(LAST).split(' ');
  const tussenvoegsel = rest.length ? tv! : '';
  const achternaam = rest.length ? rest.join(' ') : tv!;
  const geboortedatum = `201${4 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`;
  const parents = [`Ouder ${achternaam}`, `Karin ${r.pick(LAST)}`];
  const d = await call('dossiers:create', {
    voornaam, tussenvoegsel, achternaam, geboortedatum, groep: 'g6', schoolId, consulentId: null, niveau: 3, notes: '',
    parents: parents.map((name) => ({ name, relation: 'ouder' as const, gezag: true, phone: '', email: '' })), involved: [],
  });
  const x = await call('tlv:create', { dossierId: d.id });
  const add = async (name: string, bytes: Buffer) => (await call('attachments:add', { ownerType: 'tlv', ownerId: x.id, name, base64: bytes.toString('base64') })).id;
  const byKey: Record<string, Buffer> = { onderwijskundig_rapport: files.okr, opp: files.opp, ondersteuningshistorie: files.jpeg, recent_verslag: files.page };
  const documents = [];
  for (const key of x.requiredDocuments) {
    const ext = key === 'ondersteuningshistorie' ? 'jpg' : 'pdf';
    documents.push({ key, attachmentIds: [await add(`${key}.${ext}`, byKey[key]!)], date: '2026-09-01', note: key === 'ondersteuningshistorie' ? `${voornaam} krijgt sinds groep 3 hulp.` : '' });
  }
  const text = `${voornaam} ${achternaam} (geboren ${geboortedatum}) heeft veel steun nodig. ${parents[0]} en ${parents[1]} zijn betrokken. `.repeat(6);
  const advice = async (n: number) => ({ name: `Deskundige ${n}`, discipline: 'Orthopedagoog', date: '2026-09-20', advice: text, attachmentId: await add(`advies${n}.pdf`, files.page) });
  const saved = await call('tlv:save', {
    id: x.id, baseRevision: x.revision,
    tlv: {
      type: 'so', kind: 'eerste_aanvraag', receivingSchool: 'SO De Brug', category: 'midden', periodStart: x.periodStart, periodEnd: x.periodEnd,
      documents, parentsView: text, consent: { besluit: 'instemming', datum: '2026-09-30', byName: parents[0]! }, childView: text,
      advices: [await advice(1), await advice(2)], previousTlvNumber: '', toelichting: text,
    },
  });
  const complete = await call('tlv:markComplete', { id: x.id, baseRevision: saved.revision });
  return call('tlv:submit', { id: x.id, baseRevision: complete.revision });
}

async function timePack(core: Core, meetingId: string, variant: 'volledig' | 'gepseudonimiseerd') {
  const call = caller(core);
  const t0 = performance.now();
  const job = await call('commission:startPack', { meetingId, variant });
  let s = job;
  while (s.state === 'running') {
    await new Promise((r) => setTimeout(r, 5));
    s = await call('commission:packStatus', { jobId: job.jobId });
  }
  if (s.state !== 'done' || !s.pdf) throw new Error(`pack ${variant} ${s.state}`);
  return { ms: performance.now() - t0, pages: s.pdf.pages, bytes: Math.round((s.pdf.base64.length * 3) / 4) };
}

export async function runCommissionBench(cases = 20, runs = 5): Promise<CommissionBenchResults> {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-bench-comm-'));
  const core = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS, dataKey: randomBytes(32), now: () => new Date('2026-10-06T08:00:00Z'), log: () => {} });
  try {
    const call = caller(core);
    // The cases are a consultant's casework; the meeting pack is the secretary's (shared/contract/roles.ts).
    const profile = await call('setup:complete', { name: 'Secretaris Bench', role: 'consulent', associationName: 'SWV Bench' });
    const wg = await call('werkgebieden:save', { name: 'Werkgebied Bench' });
    const school = await call('schools:save', { name: 'OBS Bench', brin: '99ZZ', place: 'Alkmaar', werkgebiedId: wg.id });
    const files = {
      okr: await markerPdf('Onderwijskundig rapport', 3, FONTS), opp: await markerPdf('Ontwikkelingsperspectief', 2, FONTS),
      page: await markerPdf('Verslag', 1, FONTS), jpeg: greyJpeg(1600, 1200, 350_000),
    };
    const tlvs = [];
    for (let i = 0; i < cases; i++) tlvs.push(await tlvCase(call, school.id, i, files));
    core.local!.sqlite.prepare(`UPDATE users SET role = 'secretaris' WHERE id = ?`).run(profile.userId);
    let m = await call('commission:createMeeting', { meeting: {
      datum: '2026-10-13', tijd: '09:00', locatie: 'Kantoor', online: false, link: '',
      members: [{ name: 'Voorzitter Bench', role: 'voorzitter' }, { name: 'Secretaris Bench', role: 'secretaris' }],
    } });
    for (const x of tlvs) m = await call('commission:addItem', { meetingId: m.id, baseRevision: m.revision, subjectType: 'tlv', subjectId: x.id });
    // One warm-up of each (module loading, font parsing), then the timed runs.
    await timePack(core, m.id, 'volledig');
    await timePack(core, m.id, 'gepseudonimiseerd');
    const full = [];
    const pseudo = [];
    for (let i = 0; i < runs; i++) {
      full.push(await timePack(core, m.id, 'volledig'));
      pseudo.push(await timePack(core, m.id, 'gepseudonimiseerd'));
    }
    return {
      cases, pages: { full: full[0]!.pages, pseudo: pseudo[0]!.pages }, bytes: { full: full[0]!.bytes, pseudo: pseudo[0]!.bytes },
      full: stats(full.map((r) => r.ms)), pseudo: stats(pseudo.map((r) => r.ms)), fullRuns: full.map((r) => r.ms), pseudoRuns: pseudo.map((r) => r.ms),
    };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Markdown lines for the report (docs/benchmarks.md, section Commissie). */
export function commissionReport(r: CommissionBenchResults): string[] {
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  const line = (name: string, s: Stats, runs: number[], pages: number, bytes: number) =>
    `| ${name} | ${pages} | ${mb(bytes)} | **${(s.p50 / 1000).toFixed(2)} s** | ${runs.map((x) => (x / 1000).toFixed(2)).join(' / ')} | < 3 s ${s.p50 < 3000 ? '✅' : '❌'} |`;
  return [
    `Commission meeting pack, ${r.cases} TLV cases, each with 6 attachments (PDFs of 3, 2, 1, 1, 1 pages and a ~350 kB JPEG), encrypted database, from \`commission:startPack\` until \`commission:packStatus\` hands out the PDF (median of ${r.fullRuns.length} runs after one warm-up):`,
    '',
    '| variant | pages | size | median | runs | target |',
    '|---|---|---|---|---|---|',
    line('full (volledig, attachments appended)', r.full, r.fullRuns, r.pages.full, r.bytes.full),
    line('pseudonymised (gepseudonimiseerd)', r.pseudo, r.pseudoRuns, r.pages.pseudo, r.bytes.pseudo),
  ];
}
