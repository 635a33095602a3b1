// The agenda: items in order with their start time, kind, minutes, guests and the three case checks.
// Move with the buttons or Alt+ArrowUp/Alt+ArrowDown on a focused item; focus follows the moved item
// and the new place is announced.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n.js';
import type { MeetingItem } from '../../../../shared/contract/index.js';
import { CASE_CHECKS, GUEST_KINDS, type CaseCheck } from '../../../../shared/domain/commission.js';
import { Checkbox, SelectField, TextField } from '../../components/field.js';
import { Link } from '../../components/link.js';
import { ErrorMessage } from '../../components/status.js';
import { useTransport } from '../../transport/transport.js';
import { missingTexts, subjectPath } from './commission-parts.js';
import type { MeetingCtx } from './meeting-screen.js';

type Guest = MeetingItem['guests'][number];
type ItemPatch = { minutes?: number; guests?: Guest[]; checks?: Record<string, boolean> };

export function AgendaSection({ ctx }: { ctx: MeetingCtx }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const items = ctx.meeting.items;
  const refs = useRef(new Map<string, HTMLLIElement>());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [failure, setFailure] = useState('');
  const base = () => ({ meetingId: ctx.meeting.id, baseRevision: ctx.latest().revision });

  useEffect(() => {
    if (!focusId) return;
    refs.current.get(focusId)?.focus();
    setFocusId(null);
  }, [focusId, ctx.meeting]);

  const call = async (fn: () => Promise<void>) => {
    setFailure('');
    try {
      await fn();
    } catch (err) {
      setFailure(errorText(t, err));
    }
  };

  const move = (item: MeetingItem, to: number) => call(async () => {
    if (to < 0 || to >= items.length) return;
    const m = await transport.call('commission:moveItem', { ...base(), itemId: item.id, to });
    ctx.apply(m);
    setFocusId(item.id);
    setAnnounce(t('commission.moved', { title: item.title, n: to + 1, count: m.items.length }));
  });
  const remove = (item: MeetingItem) => call(async () => ctx.apply(await transport.call('commission:removeItem', { ...base(), itemId: item.id })));
  const save = (item: MeetingItem, patch: ItemPatch) => call(async () => {
    const checks = Object.fromEntries(CASE_CHECKS.map((c) => [c, patch.checks?.[c] ?? item.checks[c] ?? false])) as Record<CaseCheck, boolean>;
    ctx.apply(await transport.call('commission:saveItem', {
      ...base(), itemId: item.id, minutes: patch.minutes ?? item.minutes, guests: patch.guests ?? item.guests, checks,
    }));
  });

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, item: MeetingItem, i: number) => {
    if (ctx.readOnly || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    void move(item, e.key === 'ArrowUp' ? i - 1 : i + 1);
  };

  return (
    <section className="form-section" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('commission.agenda_title')}</h2>
      {!ctx.readOnly && items.length > 1 && <p className="field-hint" id="agenda-hint">{t('commission.agenda_hint')}</p>}
      <p role="status" aria-live="polite" className="visually-hidden">{announce}</p>
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      {items.length === 0 ? (
        <p className="empty">{t('commission.agenda_empty')}</p>
      ) : (
        <ol className="agenda-list">
          {items.map((item, i) => (
            <li key={item.id} className="card agenda-item" tabIndex={ctx.readOnly ? undefined : 0}
              aria-labelledby={`agenda-item-${item.id}`} aria-describedby={ctx.readOnly || items.length < 2 ? undefined : 'agenda-hint'}
              ref={(el) => {
                if (el) refs.current.set(item.id, el);
                else refs.current.delete(item.id);
              }}
              onKeyDown={(e) => onKeyDown(e, item, i)}>
              <AgendaItem item={item} n={i + 1} count={items.length} readOnly={ctx.readOnly}
                onMove={(to) => void move(item, to)} onRemove={() => void remove(item)} onSave={(p) => void save(item, p)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

interface ItemProps {
  item: MeetingItem;
  n: number;
  count: number;
  readOnly: boolean;
  onMove(to: number): void;
  onRemove(): void;
  onSave(patch: ItemPatch): void;
}

function AgendaItem({ item, n, count, readOnly, onMove, onRemove, onSave }: ItemProps) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(String(item.minutes));
  const [minutesError, setMinutesError] = useState('');
  useEffect(() => setMinutes(String(item.minutes)), [item.minutes]);
  const p = `item-${item.id}`;
  const missing = missingTexts(t, item.missing);
  // The same bounds as commission:saveItem (5–240 minutes); the message stays until it is fixed.
  const commitMinutes = () => {
    const v = Number(minutes);
    const ok = /^\d+$/.test(minutes.trim()) && v >= 5 && v <= 240;
    setMinutesError(ok ? '' : t('validation.invalid'));
    if (ok && v !== item.minutes) onSave({ minutes: v });
  };
  return (
    <>
      <h3 id={`agenda-item-${item.id}`}>{t('commission.item_label', { n, title: item.title })}</h3>
      <p>
        {t('commission.item_meta', { time: item.startsAt, kind: t(`enums.commission_kind.${item.kind}`, { defaultValue: item.kind }) })}
        {' · '}
        <Link to={subjectPath(item)}>{t('commission.open_subject', { title: item.title })}</Link>
      </p>
      {missing.length > 0 && <p className="field-error">{t('commission.item_missing', { list: missing.join(' ') })}</p>}
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${p}-minutes`}>{t('commission.minutes', { n })}</label>
          <input id={`${p}-minutes`} type="number" min={5} max={240} step={5} value={minutes} disabled={readOnly}
            aria-invalid={minutesError ? true : undefined} aria-describedby={minutesError ? `${p}-minutes-error` : undefined}
            onChange={(e) => setMinutes(e.target.value)} onBlur={commitMinutes}
            onKeyDown={(e) => e.key === 'Enter' && commitMinutes()} />
          {minutesError && <p id={`${p}-minutes-error`} className="field-error">{minutesError}</p>}
        </div>
      </div>
      <fieldset className="radio-group">
        <legend>{t('commission.checks', { n })}</legend>
        {CASE_CHECKS.map((c) => (
          <Checkbox key={c} id={`${p}-check-${c}`} label={t(`enums.case_check.${c}`)} checked={item.checks[c] ?? false} disabled={readOnly}
            onChange={(v) => onSave({ checks: { ...item.checks, [c]: v } })} />
        ))}
      </fieldset>
      <Guests item={item} n={n} readOnly={readOnly} onChange={(guests) => onSave({ guests })} />
      {!readOnly && (
        <div className="button-row">
          <button type="button" className="button-secondary" disabled={n === 1} onClick={() => onMove(n - 2)}>
            {t('commission.move_up', { title: item.title })}
          </button>
          <button type="button" className="button-secondary" disabled={n === count} onClick={() => onMove(n)}>
            {t('commission.move_down', { title: item.title })}
          </button>
          <button type="button" className="button-secondary" onClick={onRemove}>{t('commission.remove_item', { title: item.title })}</button>
        </div>
      )}
    </>
  );
}

function Guests({ item, n, readOnly, onChange }: { item: MeetingItem; n: number; readOnly: boolean; onChange(g: Guest[]): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Guest['kind']>('school');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const p = `item-${item.id}-guest`;
  const add = () => {
    if (!name.trim()) {
      setError(t('validation.required'));
      document.getElementById(`${p}-name`)?.focus();
      return;
    }
    onChange([...item.guests, { name: name.trim(), kind, note: note.trim() }]);
    setName('');
    setNote('');
    setError('');
  };
  return (
    <fieldset className="repeat-row">
      <legend>{t('commission.guests', { n })}</legend>
      {item.guests.length === 0 ? <p className="empty">{t('commission.guests_empty')}</p> : (
        <ul>
          {item.guests.map((g, i) => (
            <li key={`${g.name}-${i}`}>
              {t('commission.guest_line', { name: g.name, kind: t(`enums.guest_kind.${g.kind}`) })}{g.note ? ` – ${g.note}` : ''}{' '}
              {!readOnly && (
                <button type="button" className="button-link" onClick={() => onChange(item.guests.filter((_, j) => j !== i))}>
                  {t('commission.guest_remove', { name: g.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="inline-form">
          <TextField id={`${p}-name`} label={t('commission.guest_name', { n })} value={name} error={error || undefined}
            onChange={(v) => { setName(v); setError(''); }} />
          <SelectField id={`${p}-kind`} label={t('commission.guest_kind', { n })} value={kind} onChange={(v) => setKind(v as Guest['kind'])}>
            {GUEST_KINDS.map((k) => <option key={k} value={k}>{t(`enums.guest_kind.${k}`)}</option>)}
          </SelectField>
          <TextField id={`${p}-note`} label={t('commission.guest_note', { n })} value={note} onChange={setNote} />
          <button type="button" className="button-secondary" onClick={add}>{t('commission.guest_add', { n })}</button>
        </div>
      )}
    </fieldset>
  );
}
