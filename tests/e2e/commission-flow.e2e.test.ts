// The commission end to end: a real store process (SQLite) set up with its admin CLI, a consultant's
// device and the secretary's device (built web host + Chromium each, linked on the setup screen).
// The consultant prepares two complete TLV applications (through the contract: the TLV screens have
// their own end-to-end test) and syncs. The secretary receives them in the Commissie inbox, plans a
// meeting, puts both on the agenda from the meeting screen, makes the full and the pseudonymised
// meeting pack (checked with pdftotext: the pseudonymised one holds no name or birth date), decides
// (toegekend with a TLV number from the store-reserved block, afgewezen with reasons), makes the
// decision letter, marks the letters sent, writes and adopts the notulen, and syncs. The consultant
// syncs and sees the decision and the TLV number in the dossier and on the TLV. axe on the screens.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Tlv } from '../../shared/contract/index.js';
import { addDays } from '../../shared/domain/calendar.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { startAppSession, type AppSession } from './support/app-session.js';
import { describeE2E } from './support/chromium.js';
import { api, linkOnSetup, syncNow } from './support/linked-device.js';
import { startStoreProcess, storeAdmin, type StoreProcess } from './support/store-process.js';
import { t } from './support/veldwerk-page.js';

const PASSPHRASE = 'een lange test-wachtwoordzin';
// Synthetic names the demo generator never makes; their names and birth dates also appear in the texts.
const PUPILS = [
  { voornaam: 'Ferdinand', achternaam: 'Wolterbeek', geboortedatum: '2015-04-09', ouder: 'Roelfien Wolterbeek' },
  { voornaam: 'Lieselot', achternaam: 'Brouwershaven', geboortedatum: '2014-11-23', ouder: 'Gerbrand Brouwershaven' },
] as const;
const fullName = (p: (typeof PUPILS)[number]) => `${p.voornaam} ${p.achternaam}`;
const today = todayInAmsterdam();
const MEETING_DAY = addDays(today, 7);

describeE2E('commission: from synced applications to decision letters and back to the dossier', () => {
  let storeDir = '';
  let store: StoreProcess | undefined;
  let consultant: AppSession;
  let secretary: AppSession;
  const sessions: AppSession[] = [];
  const tlvIds: string[] = [];
  const dossierIds: string[] = [];
  let codes = { consultant: '', secretary: '' };

  const h1 = (s: AppSession, name: string) => s.page.getByRole('heading', { level: 1, name, exact: true });
  const nav = (s: AppSession, key: string) => s.page.getByRole('navigation').getByRole('link', { name: t(key), exact: true });
  const tr = (key: string, values: Record<string, string | number>) =>
    Object.entries(values).reduce((out, [k, v]) => out.replace(`{{${k}}}`, String(v)), t(key));

  async function pdfWith(text: string): Promise<string> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText(text, { x: 50, y: 700, size: 12, font });
    return Buffer.from(await doc.save()).toString('base64');
  }

  /** A dossier with a complete, submitted TLV application, made on the consultant's device. */
  async function submittedTlv(p: (typeof PUPILS)[number], schoolId: string): Promise<void> {
    const d = await api<{ id: string }>(consultant, 'dossiers:create', {
      voornaam: p.voornaam, tussenvoegsel: '', achternaam: p.achternaam, geboortedatum: p.geboortedatum, groep: 'g6', schoolId,
      consulentId: null, niveau: 3, notes: '', parents: [{ name: p.ouder, relation: 'ouder', gezag: true, phone: '', email: '' }], involved: [],
    });
    const x = await api<Tlv>(consultant, 'tlv:create', { dossierId: d.id });
    const att = async (name: string) =>
      (await api<{ id: string }>(consultant, 'attachments:add', { ownerType: 'tlv', ownerId: x.id, name, base64: await pdfWith(`${name} over ${fullName(p)}`) })).id;
    const dated = addDays(today, -30);
    const documents = [];
    for (const key of x.requiredDocuments) documents.push({ key, attachmentIds: [await att(`${key}.pdf`)], date: dated, note: '' });
    const advice = async (name: string, discipline: string) =>
      ({ name, discipline, date: dated, advice: `${p.voornaam} (geboren ${p.geboortedatum}) heeft een plek in het SO nodig.`, attachmentId: await att(`advies-${discipline}.pdf`) });
    const saved = await api<Tlv>(consultant, 'tlv:save', {
      id: x.id, baseRevision: x.revision,
      tlv: {
        type: 'so', kind: 'eerste_aanvraag', receivingSchool: 'SO De Branding', category: '', periodStart: x.periodStart, periodEnd: x.periodEnd,
        documents, parentsView: `${p.ouder}: ${p.voornaam} heeft rust en een kleine groep nodig.`,
        consent: { besluit: 'instemming', datum: dated, byName: p.ouder }, childView: `${p.voornaam} zegt: ik wil naar een rustige school.`,
        advices: [await advice('Drs. M. Verbeek', 'Orthopedagoog'), await advice('Dr. K. Ansems', 'Jeugdarts')],
        previousTlvNumber: '', toelichting: `Aanvraag voor ${fullName(p)}.`,
      },
    });
    const complete = await api<Tlv>(consultant, 'tlv:markComplete', { id: x.id, baseRevision: saved.revision });
    await api<Tlv>(consultant, 'tlv:submit', { id: x.id, baseRevision: complete.revision });
    tlvIds.push(x.id);
    dossierIds.push(d.id);
  }

  /** Saves a download and returns its text (pdftotext). */
  async function downloadText(s: AppSession, click: () => Promise<void>, name: string): Promise<string> {
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 30_000 }), click()]);
    const file = join(storeDir, name);
    await download.saveAs(file);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  }

  beforeAll(async () => {
    storeDir = mkdtempSync(join(tmpdir(), 'veldwerk-e2e-commission-'));
    const admin = (async () => {
      const cli = <T>(...args: string[]) => storeAdmin<T>(storeDir, args);
      const associationId = (await cli<{ id: string }>('association', 'create', 'SWV E2E Commissie')).id;
      const w = (await cli<{ id: string }>('werkgebied', 'create', associationId, 'Werkgebied West')).id;
      const csv = join(storeDir, 'scholen.csv');
      writeFileSync(csv, ['naam;brin;plaats;werkgebied', 'OBS De Duinroos;31GH;Bergen;Werkgebied West'].join('\n'));
      await cli('school', 'import', associationId, csv);
      const user = async (name: string, ...scope: string[]) => {
        const id = (await cli<{ id: string }>('user', 'create', associationId, '--name', name, ...scope)).id;
        return (await cli<{ code: string }>('enroll-code', id)).code;
      };
      codes = {
        consultant: await user('Kees Consulent', '--role', 'consulent', '--werkgebied', w),
        secretary: await user('Sanne Secretaris', '--role', 'secretaris'),
      };
    })();
    const [, a, b] = await Promise.all([admin, startAppSession(), startAppSession()]);
    consultant = a;
    secretary = b;
    sessions.push(a, b);
    store = await startStoreProcess(storeDir);
  });

  afterAll(async () => {
    await Promise.allSettled(sessions.map((s) => s.close()));
    await store?.stop();
    if (storeDir) rmSync(storeDir, { recursive: true, force: true });
  });

  it('the consultant links, prepares two complete applications and syncs them', async () => {
    await linkOnSetup(consultant, { passphrase: PASSPHRASE, storeUrl: store!.url, code: codes.consultant, deviceName: 'Laptop consulent' });
    const [school] = await api<{ id: string }[]>(consultant, 'schools:list', {});
    for (const p of PUPILS) await submittedTlv(p, school!.id);
    const after = await syncNow(consultant, 'consultant');
    expect(after).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('the secretary links, and the inbox lists both applications as complete with their decision clock', async () => {
    await linkOnSetup(secretary, { passphrase: PASSPHRASE, storeUrl: store!.url, code: codes.secretary, deviceName: 'Laptop secretaris' });
    await nav(secretary, 'commission.nav').click();
    await h1(secretary, t('commission.title')).waitFor();
    const table = secretary.page.getByRole('table', { name: tr('commission.inbox_caption_other', { count: 2 }) });
    await table.waitFor({ timeout: 15_000 });
    for (const p of PUPILS) {
      const row = table.getByRole('row').filter({ hasText: fullName(p) });
      await expect.poll(() => row.textContent()).toContain(t('commission.complete'));
    }
    await secretary.app.axe('commissie inbox');
  });

  it('plans a meeting and puts both applications on its agenda from the meeting screen', async () => {
    const page = secretary.page;
    await page.getByRole('tab', { name: t('commission.tab_meetings') }).click();
    await page.getByRole('button', { name: t('commission.new_meeting') }).click();
    await page.getByLabel(t('commission.datum'), { exact: true }).fill(MEETING_DAY);
    await page.getByLabel(t('commission.tijd'), { exact: true }).fill('13:30');
    await page.getByLabel(t('commission.locatie'), { exact: true }).fill('Kantoor SWV, Alkmaar');
    await page.getByRole('button', { name: t('commission.member_add') }).click();
    await page.getByLabel(tr('commission.member_name', { n: 1 }), { exact: true }).fill('Drs. P. Voorzitter');
    await page.getByRole('button', { name: t('commission.create_meeting') }).click();
    await page.getByRole('heading', { level: 1, name: /^Vergadering van / }).waitFor({ timeout: 15_000 });
    for (const p of PUPILS) {
      await page.getByRole('button', { name: tr('commission.from_inbox_add_of', { title: fullName(p) }) }).click();
      await page.getByText(tr('commission.item_label', { n: PUPILS.indexOf(p) + 1, title: fullName(p) })).first().waitFor();
    }
    await expect.poll(async () => (await api<{ itemCount: number }[]>(secretary, 'commission:meetings', {}))[0]?.itemCount).toBe(2);
    await secretary.app.axe('vergadering');
  });

  it('makes the full and the pseudonymised meeting pack; the pseudonymised one names no pupil', async () => {
    const page = secretary.page;
    const pack = async (variant: 'volledig' | 'gepseudonimiseerd') => {
      const label = t(`commission.pack_${variant}`);
      await page.getByRole('button', { name: label, exact: true }).click();
      const open = page.getByRole('button', { name: tr('commission.pack_open', { variant: label }) });
      await open.waitFor({ timeout: 30_000 });
      return downloadText(secretary, () => open.click(), `pack-${variant}.pdf`);
    };
    const full = await pack('volledig');
    for (const p of PUPILS) {
      expect(full).toContain(fullName(p));
      expect(full).toContain(`onderwijskundig_rapport.pdf over ${fullName(p)}`); // an appended attachment's own text
    }
    const pseudo = await pack('gepseudonimiseerd');
    expect(pseudo).toContain('Casus 1');
    for (const p of PUPILS) {
      for (const part of [p.voornaam, p.achternaam, p.ouder, p.geboortedatum]) expect(pseudo).not.toContain(part);
      const [y, m, d] = p.geboortedatum.split('-');
      expect(pseudo).not.toContain(`${Number(d)}-${Number(m)}-${y}`);
    }
  });

  it('decides: toegekend with a TLV number from the reserved block, afgewezen with reasons', async () => {
    const page = secretary.page;
    const [granted, refused] = PUPILS.map((p) => page.getByRole('form', { name: tr('commission.decision_legend', { title: fullName(p) }) }));
    await granted!.getByRole('radio', { name: t('enums.decision.toegekend') }).check();
    await granted!.getByLabel(t('commission.category'), { exact: true }).selectOption({ index: 2 });
    await granted!.getByRole('button', { name: t('commission.decide') }).click();
    const number = `TLV-${MEETING_DAY.slice(0, 4)}-0001`;
    await page.getByText(tr('commission.decision_tlv_number', { number })).waitFor({ timeout: 15_000 });
    await refused!.getByRole('radio', { name: t('enums.decision.afgewezen') }).check();
    await refused!.getByLabel(t('commission.reasons'), { exact: true }).fill('Het ondersteuningsaanbod van de school is nog niet uitgeput.');
    await refused!.getByRole('button', { name: t('commission.decide') }).click();
    await expect.poll(async () => (await api<Tlv>(secretary, 'tlv:get', { id: tlvIds[1] })).status).toBe('afgewezen');
    expect(await api<Tlv>(secretary, 'tlv:get', { id: tlvIds[0] })).toMatchObject({ status: 'toegekend', tlvNumber: number });
  });

  it('makes the decision letter for the parents with the bezwaar route, and marks the letters sent', async () => {
    const page = secretary.page;
    const letters = page.getByRole('group', { name: tr('commission.letters_of', { title: fullName(PUPILS[0]) }) });
    const text = await downloadText(secretary, () => letters.getByRole('button', { name: t('commission.letter_ouders') }).click(), 'brief.pdf');
    expect(text).toContain(`TLV-${MEETING_DAY.slice(0, 4)}-0001`);
    expect(text).toContain(PUPILS[0].ouder);
    expect(text).toMatch(/bezwaar/i);
    await letters.getByRole('button', { name: t('commission.letters_sent') }).click();
    await letters.getByText(/^Brieven verzonden op /).waitFor({ timeout: 10_000 });
  });

  it('writes and adopts the notulen; the meeting is then read-only; the secretary syncs', async () => {
    const page = secretary.page;
    await page.getByLabel(t('commission.notulen_label'), { exact: true }).fill('De voorzitter opent de vergadering. Beide aanvragen besproken.');
    await page.getByText(/^Opgeslagen om \d{2}:\d{2}$/).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: t('commission.finalise') }).click();
    await page.getByRole('dialog').getByRole('button', { name: t('commission.finalise_confirm') }).click();
    await page.getByText(/^Vastgesteld op /).waitFor({ timeout: 15_000 });
    expect(await page.getByLabel(t('commission.notulen_label'), { exact: true }).isDisabled()).toBe(true);
    expect(await syncNow(secretary, 'secretary')).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('the consultant syncs and sees the decision and the TLV number in the dossier and on the TLV', async () => {
    expect(await syncNow(consultant, 'consultant')).toMatchObject({ state: 'idle' });
    const number = `TLV-${MEETING_DAY.slice(0, 4)}-0001`;
    await consultant.page.goto(consultant.page.url().replace(/#.*$/, `#/dossiers/${dossierIds[0]}`));
    await h1(consultant, fullName(PUPILS[0])).waitFor({ timeout: 20_000 });
    await consultant.page.getByText(new RegExp(number)).first().waitFor({ timeout: 15_000 });
    await consultant.page.goto(consultant.page.url().replace(/#.*$/, `#/tlv/${tlvIds[0]}`));
    await consultant.page.getByText(tr('commission.decision_tlv_number', { number })).or(consultant.page.getByText(number)).first().waitFor({ timeout: 15_000 });
    expect(await api<Tlv>(consultant, 'tlv:get', { id: tlvIds[1] })).toMatchObject({ status: 'afgewezen', commissionDecision: { decision: 'afgewezen' } });
  });
});
