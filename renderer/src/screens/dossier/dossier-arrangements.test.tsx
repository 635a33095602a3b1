// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Arrangement } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { fakeTransport } from '../../test/fake-transport.js';
import { id, makeDossier, SCHOOL_ID, WG_ID } from '../../test/data.js';
import { renderWith } from '../../test/render.js';
import { DossierArrangements, DossierTermijnBadges, DossierTlvs } from './dossier-arrangements.js';

const dossier = makeDossier();

describe('dossier: arrangements, TLV and deadline badges', () => {
  it('lists the arrangements and creates one with sensible defaults, then opens it', async () => {
    const user = userEvent.setup();
    const fake = fakeTransport({
      'arrangements:list': () => ({
        rows: [{
          id: id(701), title: 'Rust in de klas', route: 1, targets: ['kind'], status: 'lopend', dossierId: dossier.id, dossierName: 'Sanne',
          werkgebiedId: WG_ID, werkgebiedName: 'Alkmaar-Noord', schoolName: 'De Regenboog', startDate: '2026-09-01', endDate: '2027-02-28',
          totalCents: 498_750, updatedAt: '2026-09-01T08:00:00.000Z',
        }],
        totals: { count: 1, totalCents: 498_750 },
      }),
      'arrangements:create': () => ({ id: id(702) }) as Arrangement,
    });
    renderWith(<DossierArrangements dossier={dossier} />, fake);
    expect(await screen.findByRole('link', { name: 'Rust in de klas' })).toHaveAttribute('href', `#/arrangementen/${id(701)}`);
    expect(screen.getByText(/4\.987,50/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: nl.arrangements.create }));
    await waitFor(() => expect(window.location.hash).toBe(`#/arrangementen/${id(702)}`));
    const input = fake.inputsOf('arrangements:create')[0]!.arrangement;
    expect(input).toMatchObject({
      route: 1, targets: ['kind'], pupilScope: 'een_leerling', dossierId: dossier.id, werkgebiedId: WG_ID, schoolId: SCHOOL_ID,
    });
    expect(input.endDate > input.startDate).toBe(true);
  });

  it('creates a TLV application for the dossier', async () => {
    const user = userEvent.setup();
    const fake = fakeTransport({ 'tlv:list': () => [], 'tlv:create': () => ({ id: id(801) }) as never });
    renderWith(<DossierTlvs dossier={dossier} />, fake);
    expect(await screen.findByText(nl.tlv.list_empty)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: nl.tlv.create }));
    await waitFor(() => expect(window.location.hash).toBe(`#/tlv/${id(801)}`));
    expect(fake.inputsOf('tlv:create')[0]).toEqual({ dossierId: dossier.id });
  });

  it('shows overdue and soon counts in words', async () => {
    const base = { kind: 'arr_evaluation' as const, dossierId: dossier.id, dossierName: 'Sanne', refId: id(701), due: '2026-11-01', labelKey: '' };
    renderWith(<DossierTermijnBadges dossier={dossier} />, fakeTransport({
      'termijnen:list': () => ({
        today: '2026-11-22',
        items: [{ ...base, daysLeft: -2, severity: 'overdue' }, { ...base, daysLeft: -1, severity: 'overdue' }, { ...base, daysLeft: 3, severity: 'soon' }],
      }),
    }));
    expect(await screen.findByText('2 termijnen te laat')).toBeInTheDocument();
    expect(screen.getByText('1 termijn binnenkort')).toBeInTheDocument();
  });
});
