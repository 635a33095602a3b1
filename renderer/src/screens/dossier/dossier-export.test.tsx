// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nl } from '../../../../shared/i18n/nl.js';
import { ContractError } from '../../transport/transport.js';
import { deferred, fakeTransport, type FakeHandlers } from '../../test/fake-transport.js';
import { id } from '../../test/data.js';
import { renderWith } from '../../test/render.js';
import { useSession } from '../../stores/session-store.js';
import { DossierExport } from './dossier-export.js';

const E = nl.dossier_export;
const DOSSIER = id(1);
const result = (kind: string) => ({
  json: '{"schemaVersion":1}\n', pdf: { filename: `${kind}-dossier-2026-11-02.pdf`, base64: btoa('%PDF-1.4'), pages: 5 },
});

let blobs: Blob[];
let names: string[];
beforeEach(() => {
  blobs = [];
  names = [];
  Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => (blobs.push(b), `blob:${blobs.length}`)), revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  useSession.setState({ profile: undefined });
});

function setup(handlers: FakeHandlers) {
  const fake = fakeTransport(handlers);
  renderWith(<DossierExport dossier={{ id: DOSSIER }} />, fake);
  return fake;
}

async function violations(): Promise<string[]> {
  const r = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('dossier export', () => {
  it('makes the inzage: both files downloaded (PDF and JSON), busy while it works', async () => {
    const user = userEvent.setup();
    const wait = deferred<ReturnType<typeof result>>();
    const fake = setup({ 'export:inzage': () => wait.promise });
    expect(screen.getByRole('heading', { name: E.title })).toBeInTheDocument();
    expect(await violations()).toEqual([]);
    const button = screen.getByRole('button', { name: E.inzage });
    expect(button).toHaveAccessibleDescription(E.inzage_hint);
    await user.click(button);
    expect(await screen.findByRole('status')).toHaveTextContent(E.busy);
    expect(button).toBeDisabled();
    wait.resolve(result('Inzage'));
    expect(await screen.findByText(E.done)).toBeInTheDocument();
    expect(fake.inputsOf('export:inzage')).toEqual([{ dossierId: DOSSIER }]);
    expect(names).toEqual(['Inzage-dossier-2026-11-02.pdf', 'Inzage-dossier-2026-11-02.json']);
    expect(blobs.map((b) => b.type)).toEqual(['application/pdf', 'application/json']);
    expect(blobs[1]!.size).toBe('{"schemaVersion":1}\n'.length);
  });

  it('asks for the destination of an overdracht, explains what is left out, by keyboard only', async () => {
    const user = userEvent.setup();
    const fake = setup({ 'export:overdracht': () => result('Overdracht') });
    const open = screen.getByRole('button', { name: E.overdracht });
    expect(open).toHaveAccessibleDescription(E.overdracht_hint);
    expect(E.overdracht_hint).toMatch(/aanpak/);
    expect(E.overdracht_hint).toMatch(/evaluatiedata/);
    expect(E.overdracht_hint).toMatch(/instemming/);
    open.focus();
    await user.keyboard('{Enter}');
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const field = screen.getByRole('textbox', { name: E.bestemming });
    expect(field).toHaveFocus();
    expect(await violations()).toEqual([]);
    await user.keyboard('{Enter}'); // empty: refused with a message on the field
    expect(field).toHaveAccessibleDescription(E.bestemming_required);
    expect(fake.inputsOf('export:overdracht')).toEqual([]);
    await user.type(field, '  SBO De Brug {Enter}');
    await waitFor(() => expect(fake.inputsOf('export:overdracht')).toEqual([{ dossierId: DOSSIER, bestemming: 'SBO De Brug' }]));
    expect(await screen.findByText(E.done)).toBeInTheDocument();
    expect(names).toEqual(['Overdracht-dossier-2026-11-02.pdf', 'Overdracht-dossier-2026-11-02.json']);
    expect(screen.queryByRole('textbox', { name: E.bestemming })).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it('closes the destination form with Escape and shows a failure in Dutch', async () => {
    const user = userEvent.setup();
    setup({ 'export:inzage': () => Promise.reject(new ContractError('not_found', 'x')) });
    await user.click(screen.getByRole('button', { name: E.overdracht }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: E.bestemming })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: E.overdracht })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: E.inzage }));
    expect(await screen.findByRole('alert')).toHaveTextContent(nl.errors.not_found);
    expect(names).toEqual([]);
  });

  it('is not offered to a role the core refuses exports (secretaris)', () => {
    useSession.setState({ profile: { userId: id(9), name: 'Secretaris', role: 'secretaris', associationName: 'SWV' } });
    setup({});
    expect(screen.queryByRole('heading', { name: E.title })).not.toBeInTheDocument();
  });
});
