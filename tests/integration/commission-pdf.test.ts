// The commission's documents through the contract on a real encrypted database: the meeting pack as a
// job (progress, handed out once), full (attachments appended, placeholders, bookmarks) and
// pseudonymised (no name or birth date of any pupil anywhere), the decision letters and the notulen.
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutline } from '../../core/pdf/pdf-assemble.js';
import { flat, hasPoppler, pdfInfo, pdfText } from '../../core/pdf/poppler.js';
import type { Output } from '../../shared/contract/index.js';
import { message } from '../../shared/i18n/index.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commissionWorld, MARKER, PUPILS, type CommissionWorld } from './commission-pdf.fixtures.js';

let w: CommissionWorld;
beforeAll(async () => {
  w = await commissionWorld();
}, 60_000);
afterAll(() => w.t.dispose());

type Pdf = Output<'commission:letter'>;
const bytesOf = (p: Pdf) => Buffer.from(p.base64, 'base64');

/** Starts a pack and polls until it is done, recording the progress seen. */
async function pack(variant: 'volledig' | 'gepseudonimiseerd') {
  const started = await w.t.call('commission:startPack', { meetingId: w.meeting.id, variant });
  const seen = [started];
  let status = started;
  for (let i = 0; i < 3000 && status.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 10));
    status = await w.t.call('commission:packStatus', { jobId: started.jobId });
    seen.push(status);
  }
  return { started, seen, status };
}

/** Every spelling of a birth date the pseudonymiser covers (shared/domain/commission.ts dateSpellings). */
function spellings(iso: string): string[] {
  const [y, mm, dd] = iso.split('-') as [string, string, string];
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const short = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
  const out = [iso];
  for (const d of new Set([dd, String(Number(dd))])) {
    for (const m of new Set([mm, String(Number(mm))])) for (const sep of ['-', '/', '.']) out.push(`${d}${sep}${m}${sep}${y}`);
    out.push(`${d} ${months[Number(mm) - 1]} ${y}`, `${d} ${short[Number(mm) - 1]} ${y}`, `${d} ${short[Number(mm) - 1]}. ${y}`);
  }
  return out;
}
const word = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');

function imagesOf(bytes: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-img-'));
  try {
    writeFileSync(join(dir, 'p.pdf'), bytes);
    const r = spawnSync('pdfimages', ['-list', join(dir, 'p.pdf')], { encoding: 'utf8' });
    return r.stdout.split('\n').filter((l) => /\bjpeg\b/.test(l)).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasPoppler)('commission meeting pack', () => {
  let full: { started: Output<'commission:startPack'>; seen: Output<'commission:packStatus'>[]; status: Output<'commission:packStatus'> };
  let text: string;
  /** Drawing order: a table cell stays whole. */
  let raw: string;
  beforeAll(async () => {
    full = await pack('volledig');
    text = flat(pdfText(bytesOf(full.status.pdf!)));
    raw = flat(pdfText(bytesOf(full.status.pdf!), 'raw'));
  }, 60_000);

  it('runs as a job: progress rises to cases + 2, the PDF is handed out once', async () => {
    expect(full.started).toMatchObject({ state: 'running', done: 0, total: 5, pdf: null, errorKey: null });
    expect(full.status).toMatchObject({ state: 'done', done: 5, total: 5, errorKey: null });
    const dones = full.seen.map((s) => s.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(new Set(dones).size).toBeGreaterThan(2); // polls were answered while it ran
    expect(full.status.pdf!.filename).toBe('Vergaderstuk-commissie-2026-10-13-volledig.pdf');
    const again = await w.t.call('commission:packStatus', { jobId: full.started.jobId });
    expect(again).toMatchObject({ state: 'done', pdf: null });
    const unknown = await w.t.raw('commission:packStatus', { jobId: '0190a5b2-0000-7000-8000-000000000999' });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
  });

  it('full: cover, agenda with times and guests, summaries with names, attachments appended, placeholder for the damaged PDF', () => {
    expect(text).toContain('Vergaderstuk Commissie van Toewijzing');
    expect(text).toContain('Volledige versie (alleen voor de leden)');
    expect(text).toContain('Mr. Voorzitter');
    expect(text).toMatch(/09:30 Casus 1 — Jorinde van Kessel/);
    expect(text).toMatch(/09:50 Casus 2 — Tobias Wijnberg/); // item 1 takes 20 minutes
    expect(raw).toMatch(/Ilse Brouwer \(Ouders\/ ?verzorgers\); Petra Lindqvist \(School\)/);
    expect(text).toContain('Jorinde van Kessel, geboren op 4 maart 2015');
    expect(text).toContain('Geboortedatum: 4 maart 2015');
    expect(text).toContain('Dr. Anna Verbeek (Orthopedagoog), 20 september 2026');
    expect(text).toContain('Sinds groep 3 krijgt Kessel extra hulp');
    expect(text).toContain('Vorig TLV-nummer: TLV-2024-0007');
    expect(text).toContain('Effect op het budget van het werkgebied');
    for (const m of ['OKR pagina 1', 'OKR pagina 2', 'HISTORIE pagina 1', 'ADVIES1 pagina 1', 'ADVIES2 pagina 1']) expect(text).toContain(`${MARKER}-${m}`);
    expect(text).toContain('Bijlage niet opgenomen');
    expect(text).toContain('verslag-kapot.pdf');
    expect(text).toContain('kon niet worden gelezen');
    expect(imagesOf(bytesOf(full.status.pdf!))).toBe(2); // the OPP photo and the arrangement's image
  });

  it('full: bookmarks Voorblad, Agenda and per case Samenvatting and each Bijlage, pointing at the right pages', async () => {
    const doc = await PDFDocument.load(bytesOf(full.status.pdf!));
    const outline = readOutline(doc);
    expect(outline.map((o) => o.title)).toEqual([
      'Voorblad', 'Agenda', 'Casus 1 — Jorinde van Kessel', 'Casus 2 — Tobias Wijnberg', 'Casus 3 — Mila Hoekstra',
    ]);
    expect(outline[2]!.children.map((c) => c.title)).toEqual([
      'Samenvatting', 'Bijlage: Onderwijskundig rapport (okr.pdf)', 'Bijlage: Ontwikkelingsperspectief (OPP) (opp-foto.jpg)',
      'Bijlage: Ondersteuningshistorie (historie.pdf)', 'Bijlage: Recent verslag (met datum) (verslag-kapot.pdf)',
      'Bijlage: Deskundigenadvies 1 (advies1.pdf)', 'Bijlage: Deskundigenadvies 2 (advies2.pdf)',
    ]);
    expect(outline[4]!.children.map((c) => c.title)).toEqual(['Samenvatting', 'Bijlage: JPEG-afbeelding (leesplan-hoekstra.jpg)']);
    const pages = pdfText(bytesOf(full.status.pdf!)).split('\f');
    const okr = outline[2]!.children[1]!;
    expect(pages[okr.page]).toContain(`${MARKER}-OKR pagina 1`);
    expect(pages[outline[3]!.page]).toContain('Casus 2 — Tobias Wijnberg');
    expect(pages[outline[2]!.children[4]!.page]).toContain('Bijlage niet opgenomen');
    // The summary pages count the final pages; attachment pages carry no footer.
    expect(pages[0]).toContain(`Pagina 1 van ${doc.getPageCount()}`);
    expect(pages[okr.page]).not.toMatch(/Pagina \d+ van/);
  });

  it('pseudonymised: initials and case numbers only; no name or birth date of any pupil or parent, anywhere', async () => {
    const p = await pack('gepseudonimiseerd');
    const out = p.status.pdf!;
    const bytes = bytesOf(out);
    const all = flat(pdfText(bytes));
    const info = pdfInfo(bytes);
    const outline = readOutline(await PDFDocument.load(bytes));
    const haystack = [all, out.filename, JSON.stringify(info), JSON.stringify(outline)].join('\n');
    for (const pupil of PUPILS) {
      const names = [pupil.voornaam, pupil.achternaam, [pupil.voornaam, pupil.tussenvoegsel, pupil.achternaam].filter(Boolean).join(' '), ...pupil.parents.flatMap((n) => [n, ...n.split(/[\s-]+/).filter((x) => x.length > 3)])];
      for (const n of names) expect(haystack, n).not.toMatch(word(n));
      for (const d of spellings(pupil.geboortedatum)) expect(haystack, d).not.toMatch(word(d));
    }
    expect(all).toContain('Casus 1 — J.v.K.');
    expect(all).toContain('Casus 2 — T.W.');
    expect(all).toContain('Casus 3 — M.H.');
    expect(all).toContain('Titel: Leesondersteuning M.H.');
    expect(all).toContain('Klasgenoot T.W. heeft'); // another pupil of the meeting named in a text
    expect(all).toContain('[geboortedatum]');
    expect(all).toContain('Gepseudonimiseerde versie');
    expect(all).toContain('De bijlagen staan alleen in de volledige versie');
    expect(all).toContain('Onderwijskundig rapport');
    expect(all).not.toContain(MARKER);
    expect(all).not.toMatch(/okr\.pdf|opp-foto|leesplan/);
    expect(imagesOf(bytes)).toBe(0);
    expect(outline.map((o) => o.title)).toEqual(['Voorblad', 'Agenda', 'Casus 1 — J.v.K.', 'Casus 2 — T.W.', 'Casus 3 — M.H.']);
    expect(outline[2]!.children.map((c) => c.title)).toEqual(['Samenvatting']);
    expect(info.Title).toBe('Vergaderstuk commissie 13 oktober 2026 · Gepseudonimiseerde versie');
  }, 60_000);

  it('runs at most two packs at a time; the others wait and all finish; results are dropped after ten minutes', async () => {
    const jobs = await Promise.all([0, 1, 2].map(() => w.t.call('commission:startPack', { meetingId: w.meeting.id, variant: 'gepseudonimiseerd' })));
    const got = [false, false, false];
    const states = async () => {
      const all = await Promise.all(jobs.map((j) => w.t.call('commission:packStatus', { jobId: j.jobId })));
      all.forEach((s, i) => (got[i] ||= s.pdf !== null)); // handed out once: remember who got theirs
      return all;
    };
    let now = await states();
    let maxBusy = 0;
    for (let i = 0; i < 3000 && now.some((s) => s.state === 'running'); i++) {
      // A job that has started has done ≥ 1 step soon after; the third cannot start before one of the first two is done.
      maxBusy = Math.max(maxBusy, now.filter((s) => s.state === 'running' && s.done > 0).length);
      await new Promise((r) => setTimeout(r, 10));
      now = await states();
    }
    expect(maxBusy).toBeLessThanOrEqual(2);
    expect(now.map((s) => s.state)).toEqual(['done', 'done', 'done']);
    expect(got).toEqual([true, true, true]);
    w.at('2026-10-06T08:11:00Z');
    const gone = await w.t.raw('commission:packStatus', { jobId: jobs[0]!.jobId });
    expect(!gone.ok && gone.error.code).toBe('not_found');
    w.at('2026-10-06T08:00:00Z');
  }, 60_000);

  it('an unknown meeting is not found', async () => {
    const env = await w.t.raw('commission:startPack', { meetingId: '0190a5b2-0000-7000-8000-000000000999', variant: 'volledig' });
    expect(!env.ok && env.error.code).toBe('not_found');
  });
});

describe.skipIf(!hasPoppler)('decision letters and notulen', () => {
  it('refuses a letter for an undecided item, then writes both letters with TLV number, bezwaar deadline and instantie', async () => {
    const item = w.meeting.items[0]!;
    const unknown = await w.t.raw('commission:letter', { itemId: '0190a5b2-0000-7000-8000-000000000999', recipient: 'school' });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    const env = await w.t.raw('commission:letter', { itemId: item.id, recipient: 'ouders' });
    expect(env.ok ? null : env.error).toMatchObject({ code: 'conflict', message: message('errors.commission_not_decided') });
    let m = await w.t.call('commission:meeting', { id: w.meeting.id });
    m = await w.t.call('commission:decide', { meetingId: m.id, baseRevision: m.revision, itemId: item.id,
      decision: { decision: 'toegekend', category: 'midden', startDate: '2026-11-01', endDate: '2027-07-31', conditions: 'Evaluatie na een half jaar.' } });
    m = await w.t.call('commission:decide', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[1]!.id,
      decision: { decision: 'afgewezen', reasons: 'Het arrangement op de eigen school is nog niet geprobeerd.' } });
    const number = m.items[0]!.decision!.tlvNumber;
    expect(number).toMatch(/^TLV-2026-\d{4}$/);

    const ouders = await w.t.call('commission:letter', { itemId: item.id, recipient: 'ouders' });
    expect(ouders.filename).toBe('Besluit-commissie-2026-10-13-ouders.pdf');
    const t1 = flat(pdfText(bytesOf(ouders)));
    expect(t1).toContain('Aan de ouders/verzorgers van Jorinde van Kessel');
    expect(t1).toContain('Maarten van Kessel, Ilse Brouwer');
    expect(t1).toContain('Betreft: Besluit toelaatbaarheidsverklaring');
    expect(t1).toContain('Datum: 6 oktober 2026');
    expect(t1).toContain('De commissie kent de toelaatbaarheidsverklaring toe.');
    expect(t1).toContain(`TLV-nummer: ${number}`);
    expect(t1).toContain('Categorie (bekostigingsniveau): Midden');
    expect(t1).toContain('Geldig: 1 november 2026 t/m 31 juli 2027');
    expect(t1).toContain('Landelijke Bezwaaradviescommissie Passend Onderwijs');
    expect(t1).toContain('uiterlijk op 17 november 2026'); // 6 October + 6 weeks
    expect(t1).toContain('Postbus 85191');
    expect(t1).toContain('Sanne Secretaris');
    expect(pdfInfo(bytesOf(ouders)).Title).not.toMatch(/Jorinde|Kessel/);

    const school = flat(pdfText(bytesOf(await w.t.call('commission:letter', { itemId: m.items[1]!.id, recipient: 'school' }))));
    expect(school).toContain('Aan de directie van OBS De Regenboog');
    expect(school).toContain('De commissie wijst de aanvraag af.');
    expect(school).toContain('Het arrangement op de eigen school is nog niet geprobeerd.');
    expect(school).toContain('uiterlijk op 17 november 2026');
  });

  it('notulen: concept with watermark notice, then vastgesteld with date and name', async () => {
    let m = await w.t.call('commission:meeting', { id: w.meeting.id });
    m = await w.t.call('commission:saveNotulen', { meetingId: m.id, baseRevision: m.revision, notulen: 'De voorzitter opent de vergadering om 09:30.' });
    const concept = flat(pdfText(bytesOf(await w.t.call('commission:notulenPdf', { meetingId: m.id })), 'raw'));
    expect(concept).toContain('Concept: deze notulen zijn nog niet vastgesteld.');
    expect(concept).toContain('Casus 1 — Jorinde van Kessel');
    expect(concept).toMatch(/Toegekend, TLV-nummer TLV-2026-\d{4}, categorie Midden/);
    expect(concept).toContain('Afgewezen');
    expect(concept).toContain('De voorzitter opent de vergadering om 09:30.');
    m = await w.t.call('commission:decide', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[2]!.id,
      decision: { decision: 'aangehouden', needed: 'Een recent verslag van de leerkracht.' } });
    m = await w.t.call('commission:finaliseNotulen', { meetingId: m.id, baseRevision: m.revision });
    const pdf = await w.t.call('commission:notulenPdf', { meetingId: m.id });
    expect(pdf.filename).toBe('Notulen-commissie-2026-10-13.pdf');
    const done = flat(pdfText(bytesOf(pdf)));
    expect(done).toContain('Vastgesteld op 6 oktober 2026 door Sanne Secretaris.');
    expect(done).not.toContain('nog niet vastgesteld');
    expect(done).toContain('Een recent verslag van de leerkracht.');
  });
});
