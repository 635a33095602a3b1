// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../../shared/contract/index.js';
import { todayInAmsterdam } from '../../../../shared/domain/validation.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { id, makeDossier, makeMdo, MDO_ID } from '../../test/data.js';
import { fakeTransport } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { DossierTimeline } from './dossier-timeline.js';
import { DossierDocuments } from './dossier-documents.js';

const dossier = makeDossier();
const action: Action = {
  id: id(660), mdoId: MDO_ID, mdoDatum: '2024-06-01', wat: 'Rustplek inrichten', wie: 'Juf Anna', wanneer: '2024-07-01',
  status: 'open', updatedAt: '2024-06-01T08:00:00.000Z',
};

function setup() {
  const fake = fakeTransport({
    'mdo:list': () => [{ id: MDO_ID, datum: '2024-06-01', status: 'vastgesteld', version: 2, afspraken: 3, updatedAt: '2024-06-01T08:00:00.000Z' }],
    'kindgesprek:list': () => [],
    'actions:list': () => [action],
    'actions:setStatus': (input) => ({ ...action, status: input.status }),
    'mdo:create': () => makeMdo({ id: id(202) }),
  });
  renderWith(<DossierDocuments dossier={dossier} />, fake);
  return fake;
}

describe('dossier: MDO’s, kindgesprekken, afspraken', () => {
  it('lists MDO’s with date, status, version and number of afspraken', async () => {
    setup();
    const link = await screen.findByRole('link', { name: 'MDO van 1 juni 2024' });
    const item = link.closest('li')!;
    expect(item).toHaveTextContent(nl.enums.mdo_status.vastgesteld);
    expect(item).toHaveTextContent('versie 2');
    expect(item).toHaveTextContent('3 afspraken');
    expect(await screen.findByText(nl.kindgesprek.list_empty)).toBeInTheDocument();
  });

  it('prepares an MDO for today with the child’s input via a kindgesprek, then opens it', async () => {
    const user = userEvent.setup();
    const fake = setup();
    await user.click(await screen.findByRole('button', { name: nl.mdo.create }));
    await waitFor(() => expect(window.location.hash).toBe(`#/dossiers/${dossier.id}/mdo/${id(202)}`));
    expect(fake.inputsOf('mdo:create')[0]).toMatchObject({
      dossierId: dossier.id,
      mdo: { datum: todayInAmsterdam(), kindAanwezig: 'niet', kindInbreng: 'kindgesprek', agenda: [], afspraken: [], evaluatiedatum: '' },
    });
  });

  it('changes the status of an afspraak', async () => {
    const user = userEvent.setup();
    const fake = setup();
    const row = (await screen.findByRole('rowheader', { name: 'Rustplek inrichten' })).closest('tr')!;
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Status van: Rustplek inrichten' }), 'gedaan');
    await waitFor(() => expect(fake.inputsOf('actions:setStatus')).toEqual([{ id: action.id, status: 'gedaan' }]));
    expect(within(row).getByRole('combobox')).toHaveValue('gedaan');
  });
});

describe('dossier: TLV applications and the commission', () => {
  it('shows a decided TLV with the decision and its TLV number, and a returned one as such', async () => {
    const row = { dossierId: dossier.id, dossierName: 'Sanne de Vries', type: 'so' as const, kind: 'eerste_aanvraag' as const, periodEnd: '2027-07-31', missingCount: 0, updatedAt: '2026-12-01T15:00:00.000Z' };
    const decision = {
      decision: 'toegekend' as const, category: 'laag', startDate: '2027-01-01', endDate: '2027-07-31', conditions: '', reasons: '', needed: '',
      tlvNumber: 'TLV-2026-0042', decidedAt: '2026-12-01T15:00:00.000Z', decidedByName: 'Petra', datum: '2026-12-01',
    };
    const fake = fakeTransport({
      'mdo:list': () => [], 'kindgesprek:list': () => [], 'actions:list': () => [], 'arrangements:list': () => ({ rows: [], total: 0 }) as never,
      'termijnen:list': () => ({ items: [] }) as never,
      'tlv:list': () => [
        { ...row, id: id(800), status: 'toegekend', decisionDue: '2026-12-10' },
        { ...row, id: id(801), status: 'aanvullen', decisionDue: null },
      ],
      'tlv:get': () => ({ commissionDecision: decision, tlvNumber: 'TLV-2026-0042' }) as never,
    });
    renderWith(<DossierDocuments dossier={dossier} />, fake);
    const links = await screen.findAllByRole('link', { name: /Speciaal onderwijs/ });
    const decided = links[0]!.closest('li')!;
    await waitFor(() => expect(decided).toHaveTextContent('besluit: Toegekend · TLV-nummer TLV-2026-0042'));
    expect(decided).toHaveTextContent(nl.enums.tlv_status.toegekend);
    expect(links[1]!.closest('li')).toHaveTextContent(nl.enums.tlv_status.aanvullen);
    expect(fake.inputsOf('tlv:get')).toEqual([{ id: id(800) }]);
  });
});

describe('timeline', () => {
  it('links MDO and kindgesprek events to their document', () => {
    renderWith(
      <DossierTimeline dossierId={dossier.id} events={[
        { id: id(701), at: '2024-06-01T08:00:00.000Z', type: 'mdo_finalised', actorName: 'Ilse', fields: [], refId: MDO_ID },
        { id: id(702), at: '2024-05-01T08:00:00.000Z', type: 'kindgesprek_finished', actorName: 'Ilse', fields: [], refId: id(300) },
        { id: id(703), at: '2024-04-01T08:00:00.000Z', type: 'changed', actorName: 'Ilse', fields: [], refId: null },
      ]} />,
      fakeTransport({}),
    );
    expect(screen.getByRole('link', { name: nl.enums.timeline.mdo_finalised })).toHaveAttribute('href', `#/dossiers/${dossier.id}/mdo/${MDO_ID}`);
    expect(screen.getByRole('link', { name: nl.enums.timeline.kindgesprek_finished }))
      .toHaveAttribute('href', `#/dossiers/${dossier.id}/kindgesprek/${id(300)}`);
    expect(screen.queryByRole('link', { name: nl.enums.timeline.changed })).not.toBeInTheDocument();
  });
});
