// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatTlvNumber } from '../../../../shared/domain/commission.js';
import { todayInAmsterdam } from '../../../../shared/domain/validation.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { ContractError } from '../../transport/transport.js';
import { id } from '../../test/data.js';
import { fakeTransport, validationError, type FakeHandlers } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { CommissieScreen } from './commissie-screen.js';
import { MEETING_ID, makeInboxRow, makeMeeting, makeSettings } from './commission-test-data.js';

const C = nl.commission;
const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(v[k]));

const rows = [
  makeInboxRow({
    missing: [{ path: 'parentsView', key: 'tlv_parents_view' }, { path: 'documents.opp.date', key: 'commission_opp_too_old' }],
    clock: { due: '2026-11-26', daysLeft: 4, state: 'bijna' },
  }),
  makeInboxRow({
    subjectType: 'arrangement', subjectId: id(801), title: 'Rust in de klas', kind: 'arrangement', missing: [],
    clock: { due: '2026-11-10', daysLeft: -3, state: 'verlopen' }, meetingId: MEETING_ID, meetingDatum: '2026-12-01',
  }),
];

function setup(extra: FakeHandlers = {}, tab?: 'inbox' | 'meetings' | 'settings') {
  const fake = fakeTransport({
    'commission:inbox': () => rows,
    'commission:sendBack': (input) => ({ subjectId: input.subjectId, status: 'aanvullen' }),
    'commission:meetings': () => [{ id: MEETING_ID, datum: '2026-12-01', tijd: '14:00', locatie: 'Kantoor', online: false, status: 'gepland', itemCount: 3, decidedCount: 0 }],
    'commission:meeting': () => makeMeeting(),
    'commission:settings': () => makeSettings(),
    ...extra,
  });
  renderWith(<CommissieScreen {...(tab ? { initialTab: tab } : {})} />, fake);
  return fake;
}

describe('commission inbox', () => {
  it('shows each case with its missing items in Dutch, the clock and the meeting', async () => {
    setup();
    const table = await screen.findByRole('table', { name: fill(C.inbox_caption_other, { count: 2 }) });
    const first = within(table).getByRole('row', { name: /Sanne de Vries/ });
    expect(first).toHaveTextContent(nl.validation.tlv_parents_view);
    expect(first).toHaveTextContent(nl.validation.commission_opp_too_old);
    expect(first).toHaveTextContent(nl.enums.clock_state.bijna);
    expect(first).toHaveTextContent('uiterlijk 26 november 2026');
    expect(first).toHaveTextContent('nog 4 dagen');
    expect(first).toHaveTextContent(C.not_on_meeting);
    expect(first).toHaveTextContent(nl.enums.commission_kind.eerste_aanvraag);
    const second = within(table).getByRole('row', { name: /Rust in de klas/ });
    expect(second).toHaveTextContent(C.complete);
    expect(second).toHaveTextContent(nl.enums.clock_state.verlopen);
    expect(second).toHaveTextContent('3 dagen te laat');
    expect(within(second).getByRole('link', { name: 'Vergadering van 1 december 2026' })).toHaveAttribute('href', `#/commissie/vergaderingen/${MEETING_ID}`);
  });

  it('sends a case back with the note, from a dialog that lists what is missing', async () => {
    const user = userEvent.setup();
    const fake = setup();
    await user.click(await screen.findByRole('button', { name: fill(C.send_back_of, { title: 'Sanne de Vries' }) }));
    const dialog = screen.getByRole('dialog', { name: fill(C.send_back_of, { title: 'Sanne de Vries' }) });
    expect(dialog).toHaveTextContent(nl.validation.commission_opp_too_old);
    await user.type(within(dialog).getByLabelText(C.send_back_note), 'Graag een OPP van dit schooljaar.');
    await user.click(within(dialog).getByRole('button', { name: C.send_back_confirm }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.inputsOf('commission:sendBack')).toEqual([{ subjectType: 'tlv', subjectId: id(800), note: 'Graag een OPP van dit schooljaar.' }]);
    expect(screen.getByText(fill(C.send_back_done, { title: 'Sanne de Vries' }))).toBeInTheDocument();
  });

  it("puts a case on a meeting's agenda and shows the core's refusal in Dutch", async () => {
    const user = userEvent.setup();
    const fake = setup({
      'commission:addItem': () => {
        throw new ContractError('conflict', nl.errors.commission_on_agenda, [], [], 'errors.commission_on_agenda');
      },
    });
    await user.click(await screen.findByRole('button', { name: fill(C.add_to_agenda_of, { title: 'Sanne de Vries' }) }));
    const dialog = screen.getByRole('dialog');
    await within(dialog).findByRole('option', { name: /1 december 2026/ });
    await user.click(within(dialog).getByRole('button', { name: C.add_to_agenda }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(nl.errors.commission_on_agenda);
    expect(fake.inputsOf('commission:addItem')[0]).toMatchObject({ meetingId: MEETING_ID, baseRevision: 3, subjectType: 'tlv', subjectId: id(800) });
  });
});

describe('commission settings', () => {
  it('shows a live example of the number pattern, its problems, and saves', async () => {
    const user = userEvent.setup();
    const fake = setup({ 'commission:saveSettings': (input) => input }, 'settings');
    const pattern = await screen.findByLabelText(C.pattern);
    const year = todayInAmsterdam().slice(0, 4);
    expect(screen.getByText(`Voorbeeld: TLV-${year}-0042`)).toBeInTheDocument();
    await user.clear(pattern);
    await user.type(pattern, 'SWV#{{schooljaar}-{{nummer}');
    expect(await screen.findByText(nl.validation.tlv_pattern_chars)).toBeInTheDocument();
    await user.clear(pattern);
    await user.type(pattern, 'SWV-{{schooljaar}-{{nummer:3}');
    expect(screen.getByText(`Voorbeeld: ${formatTlvNumber('SWV-{schooljaar}-{nummer:3}', todayInAmsterdam(), 42)}`)).toBeInTheDocument();
    // A new role gets its key from its label.
    await user.click(screen.getByRole('button', { name: C.role_add }));
    await user.type(screen.getByLabelText(fill(C.role_label, { n: 4 })), 'Jeugdarts GGD');
    expect(screen.getByText('Code: jeugdarts_ggd')).toBeInTheDocument();
    await user.clear(screen.getByLabelText(C.threshold));
    await user.type(screen.getByLabelText(C.threshold), '20.000,00');
    await user.click(screen.getByRole('button', { name: C.save_settings }));
    expect(await screen.findByText(C.settings_saved)).toBeInTheDocument();
    const saved = fake.inputsOf('commission:saveSettings')[0]!;
    expect(saved.tlvNumberPattern).toBe('SWV-{schooljaar}-{nummer:3}');
    expect(saved.arrangementThresholdCents).toBe(2_000_000);
    expect(saved.memberRoles[3]).toEqual({ key: 'jeugdarts_ggd', label: 'Jeugdarts GGD', voting: true });
  });

  it("shows the core's field problems at the field", async () => {
    const user = userEvent.setup();
    setup({ 'commission:saveSettings': () => { throw validationError([{ path: 'bezwaar.weeks', key: 'invalid' }]); } }, 'settings');
    await user.click(await screen.findByRole('button', { name: C.save_settings }));
    const weeks = screen.getByLabelText(C.bezwaar_weeks);
    await waitFor(() => expect(weeks).toHaveAttribute('aria-invalid', 'true'));
    expect(weeks).toHaveAccessibleDescription(nl.validation.invalid);
  });
});

describe('commission meetings', () => {
  it('lists meetings and creates a new one', async () => {
    const user = userEvent.setup();
    const fake = setup({ 'commission:createMeeting': () => makeMeeting({ id: id(3001) }) }, 'meetings');
    expect(await screen.findByRole('link', { name: 'Vergadering van 1 december 2026' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: C.new_meeting }));
    await user.click(await screen.findByLabelText(C.online_label));
    await user.click(screen.getByRole('button', { name: C.create_meeting }));
    await waitFor(() => expect(fake.inputsOf('commission:createMeeting')).toHaveLength(1));
    expect(fake.inputsOf('commission:createMeeting')[0]!.meeting).toMatchObject({ online: true, tijd: '14:00' });
  });

  it('moves between the tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    setup();
    const inbox = await screen.findByRole('tab', { name: C.tab_inbox });
    inbox.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: C.tab_meetings })).toHaveFocus();
    expect(screen.getByRole('tab', { name: C.tab_meetings })).toHaveAttribute('aria-selected', 'true');
  });
});
