// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Meeting } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { id } from '../../test/data.js';
import { fakeTransport, validationError, type FakeHandlers } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { MEETING_ID, makeInboxRow, makeItem, makeMeeting, makeSettings, moved } from './commission-test-data.js';
import { MeetingScreen } from './meeting-screen.js';

const C = nl.commission;
const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(v[k]));
const decided = { category: '', startDate: '', endDate: '', conditions: '', reasons: '', needed: '', tlvNumber: '', decidedAt: '2026-12-01T15:00:00.000Z', decidedByName: 'Petra Secretaris', datum: '2026-12-01' };

afterEach(() => vi.restoreAllMocks());

function setup(meeting: Meeting, extra: FakeHandlers = {}) {
  let current = meeting;
  const keep = (m: Meeting) => (current = m);
  const fake = fakeTransport({
    'commission:meeting': () => current,
    'commission:settings': () => makeSettings(),
    'budgets:settings': () => ({
      yearKind: 'schooljaar', capCents: null, decisionWeeks: 6, extraTlvDocuments: [],
      tlvCategories: [{ key: 'laag', label: 'Categorie 1 (laag)' }, { key: 'midden', label: 'Categorie 2' }, { key: 'hoog', label: 'Categorie 3' }],
    }),
    'commission:inbox': () => [
      makeInboxRow({ subjectId: id(850), title: 'Daan Bakker' }),
      makeInboxRow({ subjectId: id(851), title: 'Op andere agenda', meetingId: id(3999), meetingDatum: '2026-12-08' }),
    ],
    'commission:moveItem': (input) => keep(moved(current, input.itemId, input.to)),
    'tlv:get': () => { throw new Error('not needed'); },
    ...extra,
  });
  renderWith(<MeetingScreen id={meeting.id} pollMs={5} autosaveDelayMs={60_000} />, fake);
  return fake;
}

describe('commission meeting', () => {
  it('adds an eligible case from the inbox to the agenda', async () => {
    const user = userEvent.setup();
    const base = makeMeeting({ items: [] });
    const fake = setup(base, {
      'commission:addItem': (input) => ({ ...base, revision: 4, items: [makeItem(0, { subjectId: input.subjectId, title: 'Daan Bakker' })] }),
    });
    const panel = within(await screen.findByRole('region', { name: C.from_inbox_title }));
    const add = await panel.findByRole('button', { name: fill(C.from_inbox_add_of, { title: 'Daan Bakker' }) });
    expect(panel.queryByText('Op andere agenda')).not.toBeInTheDocument();
    await user.click(add);
    expect(await screen.findByRole('heading', { name: fill(C.item_label, { n: 1, title: 'Daan Bakker' }) })).toBeInTheDocument();
    expect(fake.inputsOf('commission:addItem')).toEqual([{ meetingId: MEETING_ID, baseRevision: 3, subjectType: 'tlv', subjectId: id(850) }]);
  });

  it('moves an item with Alt+ArrowDown; focus follows it and the move is announced', async () => {
    const user = userEvent.setup();
    const fake = setup(makeMeeting());
    const heading = await screen.findByRole('heading', { name: fill(C.item_label, { n: 1, title: 'Leerling 1' }) });
    const item = heading.closest('li')!;
    item.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(fake.inputsOf('commission:moveItem')).toHaveLength(1));
    expect(fake.inputsOf('commission:moveItem')[0]).toEqual({ meetingId: MEETING_ID, baseRevision: 3, itemId: id(3100), to: 1 });
    const after = await screen.findByRole('heading', { name: fill(C.item_label, { n: 2, title: 'Leerling 1' }) });
    await waitFor(() => expect(after.closest('li')).toHaveFocus());
    expect(screen.getByText(fill(C.moved, { title: 'Leerling 1', n: 2, count: 3 }))).toBeInTheDocument();
    // And up again with the button; the revision follows the core's answer.
    await user.click(screen.getByRole('button', { name: fill(C.move_up, { title: 'Leerling 1' }) }));
    await waitFor(() => expect(fake.inputsOf('commission:moveItem')).toHaveLength(2));
    expect(fake.inputsOf('commission:moveItem')[1]).toMatchObject({ baseRevision: 4, to: 0 });
  });

  it('saves an item’s minutes, case checks and guests', async () => {
    const user = userEvent.setup();
    const meeting = makeMeeting({ items: [makeItem(0)] });
    const fake = setup(meeting, {
      'commission:saveItem': (input) => ({ ...meeting, revision: input.baseRevision + 1, items: [makeItem(0, { minutes: input.minutes, guests: input.guests, checks: input.checks })] }),
    });
    const minutes = await screen.findByLabelText(fill(C.minutes, { n: 1 }));
    await user.clear(minutes);
    await user.type(minutes, '3');
    await user.tab();
    expect(minutes).toHaveAccessibleDescription(nl.validation.invalid);
    expect(fake.inputsOf('commission:saveItem')).toHaveLength(0);
    await user.clear(minutes);
    await user.type(minutes, '30');
    await user.tab();
    await waitFor(() => expect(fake.inputsOf('commission:saveItem')).toHaveLength(1));
    expect(fake.inputsOf('commission:saveItem')[0]).toMatchObject({ baseRevision: 3, minutes: 30, guests: [], checks: { ontvankelijk: false, volledig: false, navolgbaar: false } });
    await user.click(screen.getByRole('checkbox', { name: nl.enums.case_check.ontvankelijk }));
    await waitFor(() => expect(fake.inputsOf('commission:saveItem')).toHaveLength(2));
    expect(fake.inputsOf('commission:saveItem')[1]).toMatchObject({ baseRevision: 4, minutes: 30, checks: { ontvankelijk: true } });
    await user.type(screen.getByLabelText(fill(C.guest_name, { n: 1 })), 'Juf Anna');
    await user.selectOptions(screen.getByLabelText(fill(C.guest_kind, { n: 1 })), nl.enums.guest_kind.school);
    await user.click(screen.getByRole('button', { name: fill(C.guest_add, { n: 1 }) }));
    expect(await screen.findByText(/Juf Anna \(School\)/)).toBeInTheDocument();
    expect(fake.inputsOf('commission:saveItem')[2]!.guests).toEqual([{ name: 'Juf Anna', kind: 'school', note: '' }]);
  });

  it('checks a decision at the fields, shows the core’s field problem, and shows the TLV number when recorded', async () => {
    const user = userEvent.setup();
    const meeting = makeMeeting({ items: [makeItem(0)] });
    let attempt = 0;
    const fake = setup(meeting, {
      'commission:decide': (input) => {
        if (attempt++ === 0) throw validationError([{ path: 'decision.category', key: 'choose_option' }]);
        const d = input.decision;
        if (d.decision !== 'toegekend') throw new Error('unexpected');
        return { ...meeting, revision: 5, items: [makeItem(0, { decision: { ...decided, ...d, conditions: d.conditions ?? '', decision: 'toegekend', tlvNumber: 'TLV-2026-0042' } })] };
      },
    });
    const form = await screen.findByRole('form', { name: fill(C.decision_legend, { title: 'Leerling 1' }) });
    const f = within(form);
    await user.click(f.getByRole('radio', { name: nl.enums.decision.toegekend }));
    await user.click(f.getByRole('button', { name: C.decide }));
    // No dates yet: the shared rules answer before the core is asked.
    expect(f.getByLabelText(C.start)).toHaveAccessibleDescription(nl.validation.date_invalid);
    expect(f.getByLabelText(C.start)).toHaveFocus();
    expect(fake.inputsOf('commission:decide')).toHaveLength(0);
    fireEvent.change(f.getByLabelText(C.start), { target: { value: '2027-01-01' } });
    fireEvent.change(f.getByLabelText(C.end), { target: { value: '2027-07-31' } });
    await user.click(f.getByRole('button', { name: C.decide }));
    await waitFor(() => expect(f.getByLabelText(C.category)).toHaveAccessibleDescription(nl.validation.choose_option));
    await user.selectOptions(f.getByLabelText(C.category), 'Categorie 2');
    await user.click(f.getByRole('button', { name: C.decide }));
    expect(await screen.findByText(fill(C.decision_tlv_number, { number: 'TLV-2026-0042' }))).toBeInTheDocument();
    expect(screen.getByText(fill(C.decision_category, { category: 'Categorie 2' }))).toBeInTheDocument();
    expect(fake.inputsOf('commission:decide')[1]!.decision).toEqual({
      decision: 'toegekend', category: 'midden', startDate: '2027-01-01', endDate: '2027-07-31', conditions: '',
    });
    expect(screen.queryByRole('form', { name: fill(C.decision_legend, { title: 'Leerling 1' }) })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: C.letter_school })).toBeInTheDocument();
  });

  it('runs the meeting pack with a progress bar and ends with the PDF', async () => {
    const user = userEvent.setup();
    const createUrl = vi.fn(() => 'blob:pack');
    Object.assign(URL, { createObjectURL: createUrl, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const job = { jobId: id(4000), pdf: null, errorKey: null, total: 4 };
    const fake = setup(makeMeeting(), {
      'commission:startPack': () => ({ ...job, state: 'running', done: 0 }),
      'commission:packStatus': (_i, n) =>
        n < 2 ? { ...job, state: 'running', done: n + 1 } : { ...job, state: 'done', done: 4, pdf: { filename: 'vergaderstuk.pdf', base64: btoa('%PDF-1.4'), pages: 9 } },
    });
    await user.click(await screen.findByRole('button', { name: C.pack_gepseudonimiseerd }));
    const bar = await screen.findByRole('progressbar', { name: fill(C.pack_progress, { variant: C.pack_gepseudonimiseerd }) });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', '2 van 4'));
    const open = await screen.findByRole('button', { name: fill(C.pack_open, { variant: C.pack_gepseudonimiseerd }) });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(fake.inputsOf('commission:startPack')).toEqual([{ meetingId: MEETING_ID, variant: 'gepseudonimiseerd' }]);
    expect(fake.inputsOf('commission:packStatus').every((i) => i.jobId === id(4000))).toBe(true);
    await user.click(open);
    expect(createUrl).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('shows a failed pack with its message', async () => {
    const user = userEvent.setup();
    setup(makeMeeting(), {
      'commission:startPack': () => ({ jobId: id(4001), state: 'failed', done: 1, total: 4, pdf: null, errorKey: 'commission_pack_failed' }),
    });
    await user.click(await screen.findByRole('button', { name: C.pack_volledig }));
    expect(await screen.findByRole('alert')).toHaveTextContent(nl.errors.commission_pack_failed);
  });

  it('finalises the notulen after confirming; undecided items are named; then everything is read-only', async () => {
    const user = userEvent.setup();
    const meeting = makeMeeting({ items: [makeItem(0, { decision: { ...decided, decision: 'afgewezen', reasons: 'Niet nodig' } }), makeItem(1)] });
    let attempt = 0;
    const fake = setup(meeting, {
      'commission:saveNotulen': (input) => ({ ...meeting, revision: input.baseRevision + 1, notulen: input.notulen }),
      'commission:finaliseNotulen': (input) => {
        if (attempt++ === 0) throw validationError([{ path: 'items', key: 'meeting_undecided' }]);
        return { ...meeting, revision: input.baseRevision + 1, status: 'afgerond', notulenStatus: 'vastgesteld', vastgesteldAt: '2026-12-01T16:00:00.000Z', vastgesteldByName: 'Petra Secretaris', notulen: 'Besproken.' };
      },
    });
    await user.type(await screen.findByLabelText(C.notulen_label), 'Besproken.');
    await user.click(screen.getByRole('button', { name: C.finalise }));
    const dialog = screen.getByRole('dialog', { name: C.finalise_title });
    await user.click(within(dialog).getByRole('button', { name: C.finalise_confirm }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(nl.validation.meeting_undecided);
    expect(alert).toHaveTextContent(fill(C.finalise_undecided, { list: 'Leerling 2' }));
    // The pending notulen were saved first, with the meeting's revision.
    expect(fake.inputsOf('commission:saveNotulen')).toEqual([{ meetingId: MEETING_ID, baseRevision: 3, notulen: 'Besproken.' }]);
    await user.click(within(dialog).getByRole('button', { name: C.finalise_confirm }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.inputsOf('commission:finaliseNotulen')[1]).toEqual({ meetingId: MEETING_ID, baseRevision: 4 });
    expect(screen.getByText(/Vastgesteld op 1 december 2026 om 17:00 door Petra Secretaris/)).toBeInTheDocument();
    expect(screen.getByLabelText(C.notulen_label)).toBeDisabled();
    expect(screen.queryByRole('button', { name: C.finalise })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: C.decide })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: C.from_inbox_title })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: C.notulen_pdf })).toBeInTheDocument();
  });
});
