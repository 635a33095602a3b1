// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { id } from '../../test/data.js';
import { fakeTransport } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { AUDIT_PAGE, AuditlogScreen } from './auditlog-screen.js';

const ANNA = id(1);
const DOSSIER = id(9);
const row = (n: number, over: Partial<AuditRow> = {}): AuditRow => ({
  id: id(100 + n), at: '2026-11-22T10:15:00.000Z', deviceId: 'd0e1a2b3-0000-7000-8000-000000000001', deviceName: null, seq: n,
  userId: ANNA, userName: 'Anna de Vries', action: 'view', method: 'dossiers:get', entity: 'dossier', entityId: DOSSIER,
  dossierId: DOSSIER, detail: '{"fields":["notes"]}', ...over,
});

function setup(total = 120, verify: 'ok' | 'broken' = 'ok') {
  const fake = fakeTransport({
    'users:list': () => [{ id: ANNA, name: 'Anna de Vries', role: 'consulent' }],
    'audit:search': (q) => {
      const offset = q.offset ?? 0;
      const n = Math.max(0, Math.min(AUDIT_PAGE, total - offset));
      return { total, rows: Array.from({ length: n }, (_, i) => row(offset + i + 1, i === 0 ? { action: 'pdf', method: 'mdo:pdf', entity: 'mdo' } : {})) };
    },
    'audit:verify': () => verify === 'ok'
      ? { ok: true, devices: 2, events: 120, breaks: [] }
      : { ok: false, devices: 2, events: 120, breaks: [{ deviceId: 'dev-a', seq: 7, reason: 'hash' as const }] },
  });
  renderWith(<AuditlogScreen />, fake);
  return fake;
}

async function seriousViolations() {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('Auditlog screen', () => {
  it('lists events with user names and actions, pages through them and filters, by keyboard', async () => {
    const user = userEvent.setup();
    const fake = setup();
    const table = await screen.findByRole('table', { name: new RegExp(nl.auditlog.table_label) });
    expect(within(table).getAllByRole('row')).toHaveLength(AUDIT_PAGE + 1);
    expect(within(table).getAllByText('Anna de Vries').length).toBe(AUDIT_PAGE);
    expect(within(table).getByText(nl.auditlog.actions.pdf)).toBeInTheDocument();
    expect(within(table).getAllByText(`Dossier ${DOSSIER}`).length).toBeGreaterThan(0);
    expect(screen.getByText('1–50 van 120')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: nl.auditlog.next }));
    await screen.findByText('51–100 van 120');
    expect(fake.inputsOf('audit:search').at(-1)).toMatchObject({ offset: 50, limit: AUDIT_PAGE });

    // Keyboard only: choose an action, type an id, submit with Enter.
    await user.selectOptions(screen.getByLabelText(nl.auditlog.action), nl.auditlog.actions.consent);
    await user.selectOptions(screen.getByLabelText(nl.auditlog.user), 'Anna de Vries');
    await user.click(screen.getByLabelText(nl.auditlog.entity_id));
    await user.keyboard(`${DOSSIER}{Enter}`);
    await waitFor(() => expect(fake.inputsOf('audit:search').at(-1)).toEqual({
      userId: ANNA, action: 'consent', entityId: DOSSIER, offset: 0, limit: AUDIT_PAGE,
    }));
  });

  it('verifies the chain: OK, or where it breaks', async () => {
    const user = userEvent.setup();
    setup(3, 'broken');
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: nl.auditlog.verify }));
    expect(await screen.findByText(nl.auditlog.verify_broken)).toBeInTheDocument();
    expect(screen.getByText(/dev-a: eerste fout bij volgnummer 7 \(inhoud gewijzigd\)/)).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);
  });

  it('says so when the chain is intact, and when nothing was found', async () => {
    const user = userEvent.setup();
    setup(0, 'ok');
    expect(await screen.findByText(nl.auditlog.none)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: nl.auditlog.verify }));
    expect(await screen.findByText('De keten is intact: 120 gebeurtenissen van 2 apparaten gecontroleerd.')).toBeInTheDocument();
  });
});
