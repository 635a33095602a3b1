// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { Output, RetentionDueItem } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { fakeTransport, type FakeHandlers } from '../../test/fake-transport.js';
import { id } from '../../test/data.js';
import { renderWith } from '../../test/render.js';
import { useSession } from '../../stores/session-store.js';
import { ContractError } from '../../transport/transport.js';
import { BewaartermijnenScreen } from './bewaartermijnen-screen.js';

const item = (n: number, rule: RetentionDueItem['rule'] = 'dossier_closed'): RetentionDueItem => ({
  rule, id: id(700 + n), dossierId: id(100 + n), label: `Kind ${n}`, since: '2026-09-01',
});
const run = { id: id(900), rule: 'tlv' as const, date: '2026-10-01', count: 4, byName: 'Sanne Secretaris', createdAt: '2026-10-01T09:00:00.000Z' };

function handlers(over: FakeHandlers = {}, due: Partial<Output<'retention:due'>> = {}): FakeHandlers {
  return {
    'retention:settings': () => ({ dossierClosedYears: 2, tlvYears: 7 }),
    'retention:saveSettings': (s) => s as Output<'retention:saveSettings'>,
    'retention:due': () => ({ today: '2026-11-22', named: true, canPurge: true, items: [item(1), item(2), item(3, 'tlv')], ...due }),
    'retention:runs': () => ({ runs: [run] }),
    'retention:purge': ({ rule, ids }) => ({ rule, date: '2026-11-22', count: ids.length }),
    ...over,
  };
}

async function violations() {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('Bewaartermijnen', () => {
  it('lists what is due grouped by rule with counts, and the history of runs', async () => {
    renderWith(<BewaartermijnenScreen />, fakeTransport(handlers()));
    const dossiers = within(await screen.findByRole('region', { name: 'Afgesloten dossiers (2)' }));
    expect(dossiers.getByRole('checkbox', { name: /Kind 1 — te vernietigen sinds 1 september 2026/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'TLV-gegevens (1)' })).toBeInTheDocument();
    const runs = within(screen.getByRole('table'));
    expect(runs.getByText(nl.retention.rule_tlv)).toBeInTheDocument();
    expect(runs.getByText('4')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(await violations()).toEqual([]);
  });

  it('selects all by keyboard, confirms with the count and "cannot be undone", then shows the result', async () => {
    const user = userEvent.setup();
    const transport = fakeTransport(handlers());
    renderWith(<BewaartermijnenScreen />, transport);
    const group = within(await screen.findByRole('region', { name: 'Afgesloten dossiers (2)' }));
    const purge = group.getByRole('button', { name: 'Geselecteerde vernietigen (0)' });
    expect(purge).toBeDisabled();
    group.getByRole('checkbox', { name: nl.retention.select_all }).focus();
    await user.keyboard(' ');
    expect(group.getByRole('button', { name: 'Geselecteerde vernietigen (2)' })).toBeEnabled();
    await user.click(group.getByRole('button', { name: 'Geselecteerde vernietigen (2)' }));
    const dialog = within(screen.getByRole('dialog', { name: nl.retention.confirm_title }));
    expect(dialog.getByText(/U vernietigt 2 dossiers/)).toBeInTheDocument();
    expect(dialog.getByText(nl.retention.confirm_final)).toBeInTheDocument();
    expect(await violations()).toEqual([]);
    // Focus starts on cancel: Enter there does nothing irreversible.
    expect(dialog.getByRole('button', { name: nl.retention.cancel })).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: nl.retention.confirm }));
    expect(await screen.findByText('Vernietigd op 22 november 2026: 2 (Dossier afgesloten, termijn verstreken).')).toBeInTheDocument();
    expect(transport.inputsOf('retention:purge')).toEqual([{ rule: 'dossier_closed', ids: [id(701), id(702)] }]);
    expect(transport.inputsOf('retention:due')).toHaveLength(2); // reloaded after the run
  });

  it('Escape cancels the confirmation: nothing is purged', async () => {
    const user = userEvent.setup();
    const transport = fakeTransport(handlers());
    renderWith(<BewaartermijnenScreen />, transport);
    const group = within(await screen.findByRole('region', { name: 'TLV-gegevens (1)' }));
    await user.click(group.getByRole('checkbox', { name: /Kind 3/ }));
    await user.click(group.getByRole('button', { name: 'Geselecteerde vernietigen (1)' }));
    expect(screen.getByText(/U vernietigt 1 TLV-aanvraag/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(transport.inputsOf('retention:purge')).toEqual([]);
  });

  it('says so when what was chosen is no longer due (another device was first)', async () => {
    const user = userEvent.setup();
    renderWith(<BewaartermijnenScreen />, fakeTransport(handlers({
      'retention:purge': () => { throw new ContractError('validation', 'x', [{ path: 'ids', key: 'retention_not_due' }]); },
    })));
    const group = within(await screen.findByRole('region', { name: 'TLV-gegevens (1)' }));
    await user.click(group.getByRole('checkbox', { name: /Kind 3/ }));
    await user.click(group.getByRole('button', { name: 'Geselecteerde vernietigen (1)' }));
    await user.click(screen.getByRole('button', { name: nl.retention.confirm }));
    expect(await screen.findByRole('alert')).toHaveTextContent(nl.validation.retention_not_due);
  });

  it('shows initials and no checkboxes for a role that may only look', async () => {
    renderWith(<BewaartermijnenScreen />, fakeTransport(handlers({}, { canPurge: false, named: false, items: [{ ...item(1), label: 'E.Ö.' }] })));
    expect(await screen.findByText(/E\.Ö\. — te vernietigen sinds/)).toBeInTheDocument();
    expect(screen.getByText(nl.retention.cannot_purge)).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('shows the rules read-only to a linked consultant', async () => {
    useSession.setState({ profile: { userId: id(500), name: 'Ilse', role: 'consulent', associationName: 'SWV', linked: true } as never });
    try {
      renderWith(<BewaartermijnenScreen />, fakeTransport(handlers()));
      expect(await screen.findByRole('textbox', { name: nl.retention.dossier_years })).toBeDisabled();
      expect(screen.getByText(nl.retention.rules_readonly)).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: nl.retention.save })).not.toBeInTheDocument();
    } finally {
      useSession.setState({ profile: undefined });
    }
  });

  it('saves the rules: years and 3 or 7 years for TLV data', async () => {
    const user = userEvent.setup();
    const transport = fakeTransport(handlers());
    renderWith(<BewaartermijnenScreen />, transport);
    const years = await screen.findByRole('textbox', { name: nl.retention.dossier_years });
    await user.clear(years);
    await user.type(years, '3');
    await user.click(screen.getByRole('radio', { name: '3 jaar' }));
    await user.click(screen.getByRole('button', { name: nl.retention.save }));
    await waitFor(() => expect(transport.inputsOf('retention:saveSettings')).toEqual([{ dossierClosedYears: 3, tlvYears: 3 }]));
    expect(await screen.findByText(nl.retention.saved)).toBeInTheDocument();
  });
});
