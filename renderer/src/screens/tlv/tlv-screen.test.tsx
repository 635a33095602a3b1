// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Tlv } from '../../../../shared/contract/index.js';
import { REQUIRED_DOCUMENTS } from '../../../../shared/domain/tlv.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { fakeTransport } from '../../test/fake-transport.js';
import { id } from '../../test/data.js';
import { renderWith } from '../../test/render.js';
import { TlvScreen } from './tlv-screen.js';

const T = nl.tlv;
const advice = { name: '', discipline: '', date: '', advice: '', attachmentId: null };

function makeTlv(patch: Partial<Tlv> = {}): Tlv {
  return {
    id: id(800), dossierId: id(100), dossierName: 'Sanne de Vries', type: 'so', kind: 'eerste_aanvraag', receivingSchool: '',
    category: '', periodStart: '2026-09-01', periodEnd: '2027-07-31', documents: [], parentsView: '',
    consent: { besluit: 'nog_niet_gevraagd', datum: '', byName: '' }, childView: '', advices: [{ ...advice }, { ...advice }],
    previousTlvNumber: '', toelichting: '', status: 'concept', revision: 1, requiredDocuments: [...REQUIRED_DOCUMENTS], missing: [],
    completeAt: null, submittedAt: null, decisionDue: null, herbeoordelingDeadline: null, tlvNumber: '', commissionDecision: null, sendBack: null,
    createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z', ...patch,
  };
}

const pdfFile = (name: string) => new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], name, { type: 'application/pdf' });

function setup(tlv: Tlv) {
  const fake = fakeTransport({
    'tlv:get': () => tlv,
    'budgets:settings': () => ({
      yearKind: 'schooljaar', capCents: null, decisionWeeks: 6, extraTlvDocuments: [],
      tlvCategories: [{ key: 'laag', label: 'Categorie laag' }, { key: 'midden', label: 'Midden' }, { key: 'hoog', label: 'Hoog' }],
    }),
    'tlv:save': (input) => ({ ...tlv, ...input.tlv, revision: input.baseRevision + 1 }) as Tlv,
    'attachments:add': (input) => ({
      id: id(900 + (input.name.length % 50)), name: input.name, sizeBytes: 15, mediaType: 'application/pdf', sha256: 'x',
      createdAt: '2026-09-01T08:00:00.000Z',
    }),
  });
  renderWith(<TlvScreen id={tlv.id} autosaveDelayMs={60_000} />, fake);
  return fake;
}

const missingList = () => within(screen.getByRole('region', { name: T.missing_title }));

describe('TLV editor', () => {
  it('blocks "Compleet maken" with the missing items listed (both advices) and calls nothing', async () => {
    const user = userEvent.setup();
    const fake = setup(makeTlv());
    await screen.findByRole('heading', { level: 1, name: /Sanne de Vries/ });
    const list = missingList();
    expect(list.getByRole('link', { name: `Deskundigenadvies 1: ${nl.validation.tlv_advice_name}` })).toBeInTheDocument();
    expect(list.getByRole('link', { name: `Deskundigenadvies 2: ${nl.validation.tlv_advice_attachment}` })).toBeInTheDocument();
    expect(list.getByRole('link', { name: `${nl.enums.tlv_document.opp}: ${nl.validation.tlv_document_missing}` })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: T.mark_complete }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Nog niet compleet/);
    expect(fake.inputsOf('tlv:markComplete')).toHaveLength(0);
    // Each missing item moves focus to its field.
    await user.click(list.getByRole('link', { name: `Deskundigenadvies 2: ${nl.validation.tlv_advice_name}` }));
    expect(screen.getByLabelText(T.advice_name.replace('{{n}}', '2'))).toHaveFocus();
    // Category labels come from the settings.
    expect(screen.getByRole('option', { name: 'Categorie laag' })).toBeInTheDocument();
  });

  it('after a successful upload the item disappears from the list', async () => {
    const fake = setup(makeTlv());
    await screen.findByRole('heading', { level: 1 });
    const name = `${nl.enums.tlv_document.opp}: ${nl.validation.tlv_document_missing}`;
    expect(missingList().getByRole('link', { name })).toBeInTheDocument();
    const input = screen.getByLabelText(T.document_upload.replace('{{name}}', nl.enums.tlv_document.opp));
    fireEvent.change(input, { target: { files: [pdfFile('opp.pdf')] } });
    await waitFor(() => expect(missingList().queryByRole('link', { name })).not.toBeInTheDocument());
    expect(fake.inputsOf('attachments:add')[0]).toMatchObject({ ownerType: 'tlv', ownerId: id(800), name: 'opp.pdf' });
    expect(atob(fake.inputsOf('attachments:add')[0]!.base64)).toMatch(/^%PDF-1\.4/);
    expect(screen.getByText('opp.pdf')).toBeInTheDocument();
  });

  it('refuses a file that is not an allowed type before sending it', async () => {
    const fake = setup(makeTlv());
    await screen.findByRole('heading', { level: 1 });
    const input = screen.getByLabelText(T.advice_upload.replace('{{n}}', '1'));
    fireEvent.change(input, { target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] } });
    expect(await screen.findByText(nl.validation.attachment_type)).toBeInTheDocument();
    expect(fake.inputsOf('attachments:add')).toHaveLength(0);
  });
});

describe('TLV and the commission', () => {
  const sendBack = {
    at: '2026-10-05T09:30:00.000Z', byName: 'Petra Secretaris', note: 'Graag een OPP van dit schooljaar.',
    missing: [{ path: 'documents.opp.date', key: 'commission_opp_too_old' }],
  };

  it('shows "Teruggestuurd ter aanvulling" with the note and what is missing; the form is editable and can be completed again', async () => {
    const user = userEvent.setup();
    const fake = setup(makeTlv({ status: 'aanvullen', sendBack }));
    const banner = await screen.findByRole('region', { name: nl.commission.sent_back_title });
    expect(banner).toHaveTextContent('Door Petra Secretaris op 5 oktober 2026 om 11:30.');
    expect(banner).toHaveTextContent(sendBack.note);
    expect(banner).toHaveTextContent(nl.validation.commission_opp_too_old);
    // Editable like a concept, with the OPP's date (the commission checks its age).
    const oppDate = screen.getByLabelText(T.document_date.replace('{{name}}', nl.enums.tlv_document.opp));
    expect(oppDate).toBeEnabled();
    fireEvent.change(oppDate, { target: { value: '2026-09-15' } });
    expect(screen.getByRole('button', { name: T.mark_complete })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: T.mark_complete }));
    expect(fake.inputsOf('tlv:markComplete')).toHaveLength(0); // still incomplete: blocked with the list
  });

  it('shows the commission’s decision read-only, with the TLV number and the category’s label', async () => {
    setup(makeTlv({
      status: 'toegekend', tlvNumber: 'TLV-2026-0042',
      commissionDecision: {
        decision: 'toegekend', category: 'laag', startDate: '2027-01-01', endDate: '2027-07-31', conditions: 'Evaluatie na een half jaar.',
        reasons: '', needed: '', tlvNumber: 'TLV-2026-0042', decidedAt: '2026-12-01T15:00:00.000Z', decidedByName: 'Petra Secretaris', datum: '2026-12-01',
      },
    }));
    const panel = await screen.findByRole('region', { name: nl.commission.panel_title });
    expect(panel).toHaveTextContent('Toegekend op 1 december 2026');
    expect(panel).toHaveTextContent('TLV-nummer: TLV-2026-0042');
    expect(panel).toHaveTextContent('Categorie: Categorie laag');
    expect(panel).toHaveTextContent('Periode: 1 januari 2027 tot en met 31 juli 2027');
    expect(panel).toHaveTextContent('Voorwaarden: Evaluatie na een half jaar.');
    expect(screen.queryByRole('region', { name: nl.commission.sent_back_title })).not.toBeInTheDocument();
    expect(screen.getByLabelText(T.parents_view)).toBeDisabled();
  });
});
