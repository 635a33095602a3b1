// The status bar: only the legal next steps (canTransition), each with a note in a dialog
// (decisions require one); the evaluation form; and the history.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Arrangement } from '../../../../shared/contract/index.js';
import { ARR_STATUSES, GOAL_RESULTS, canTransition, type ArrStatus, type GoalResult } from '../../../../shared/domain/arrangement.js';
import { formatDateTime } from '../../../../shared/format.js';
import { Dialog } from '../../components/dialog.js';
import { TextArea } from '../../components/field.js';
import { RadioGroup } from '../../components/radio-group.js';
import { ErrorMessage } from '../../components/status.js';
import { errorText, validationText } from '../../i18n.js';
import { useLanguage } from '../../stores/language-store.js';
import { ContractError, useTransport } from '../../transport/transport.js';

const DECISIONS: readonly ArrStatus[] = ['toegekend', 'afgewezen', 'aangehouden'];

interface Props {
  arrangement: Arrangement;
  /** Save pending edits first; false stops the action. */
  before(): Promise<boolean>;
  onDone(a: Arrangement): void;
}

export function ArrActions({ arrangement: a, before, onDone }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const [open, setOpen] = useState<ArrStatus | null>(null);
  // Sending back ter aanvulling is the commission's (commission:sendBack, with what is missing), not a status button.
  const legal = ARR_STATUSES.filter((to) => to !== 'aanvullen' && canTransition(a.status, to).ok);
  const why = legal.length === 0 ? canTransition(a.status, 'ingediend') : null;
  return (
    <section className="form-section arr-actions" aria-labelledby="arr-actions-title">
      <h2 id="arr-actions-title">{t('arrangements.actions_title')}</h2>
      <p>{t('arrangements.status_now', { status: t(`enums.arr_status.${a.status}`) })}</p>
      {legal.length > 0 ? (
        <div className="button-row">
          {legal.map((to) => (
            <button key={to} type="button" onClick={() => setOpen(to)}>{t(`arrangements.action_${to}`)}</button>
          ))}
        </div>
      ) : (
        why && !why.ok && <p>{validationText(t, why.key)}</p>
      )}
      {open === 'geevalueerd' ? (
        <EvaluationDialog arrangement={a} onCancel={() => setOpen(null)} onDone={(n) => { setOpen(null); onDone(n); }} />
      ) : open ? (
        <NoteDialog arrangement={a} to={open} before={before} onCancel={() => setOpen(null)} onDone={(n) => { setOpen(null); onDone(n); }} />
      ) : null}
      {a.history.length > 0 && (
        <>
          <h3>{t('arrangements.history')}</h3>
          <ol className="history">
            {a.history.map((h, i) => (
              <li key={i}>
                {t('arrangements.history_line', {
                  when: formatDateTime(h.at, lang), from: t(`enums.arr_status.${h.from}`), to: t(`enums.arr_status.${h.to}`), name: h.byName,
                })}
                {h.reason && <> — {h.reason}</>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function NoteDialog({ arrangement: a, to, before, onCancel, onDone }: {
  arrangement: Arrangement; to: ArrStatus; before(): Promise<boolean>; onCancel(): void; onDone(a: Arrangement): void;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [noteError, setNoteError] = useState('');
  const needsNote = DECISIONS.includes(to);
  const run = async () => {
    if (needsNote && !note.trim()) {
      setNoteError(validationText(t, 'required'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      if (!(await before())) {
        setError(t('arrangements.save_invalid'));
        return;
      }
      const base = { id: a.id, baseRevision: a.revision, note };
      onDone(to === 'verlengd' ? await transport.call('arrangements:extend', base) : await transport.call('arrangements:transition', { ...base, to }));
    } catch (err) {
      if (err instanceof ContractError && err.code === 'validation' && err.fields[0]) setError(validationText(t, err.fields[0].key));
      else setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t(`arrangements.action_${to}`)} onCancel={onCancel}>
      <TextArea id="arr-note" label={needsNote ? t('arrangements.note_required') : t('arrangements.note')} value={note} rows={3}
        required={needsNote} error={noteError} onChange={(v) => { setNote(v); setNoteError(''); }} />
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="button-row">
        <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('arrangements.busy') : t('arrangements.confirm', { action: t(`arrangements.action_${to}`) })}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </Dialog>
  );
}

function EvaluationDialog({ arrangement: a, onCancel, onDone }: { arrangement: Arrangement; onCancel(): void; onDone(a: Arrangement): void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [goals, setGoals] = useState(a.goals.map((g) => ({ goalId: g.id, result: '' as GoalResult | '', toelichting: '' })));
  const [effect, setEffect] = useState('');
  const [visie, setVisie] = useState('');
  const [vervolg, setVervolg] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const errs: Record<string, string> = {};
    goals.forEach((g, i) => !g.result && (errs[`goals.${i}.result`] = 'choose_option'));
    if (!vervolg.trim()) errs.vervolgstap = 'required';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError('');
    try {
      onDone(await transport.call('arrangements:evaluate', {
        id: a.id, baseRevision: a.revision,
        evaluation: {
          goals: goals.map((g) => ({ ...g, result: g.result as GoalResult })),
          effectLeerkrachtTeam: effect, visieKind: visie, vervolgstap: vervolg, actuals: [],
        },
      }));
    } catch (err) {
      if (err instanceof ContractError && err.code === 'validation') setErrors(Object.fromEntries(err.fields.map((f) => [f.path.replace(/^evaluation\./, ''), f.key])));
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const e = (p: string) => (errors[p] ? validationText(t, errors[p]) : undefined);
  return (
    <Dialog title={t('arrangements.evaluation_title')} onCancel={onCancel} className="dialog-wide">
      {a.goals.map((g, i) => (
        <fieldset key={g.id} className="repeat-row">
          <legend>{t('arrangements.evaluation_goal', { wat: g.wat })}</legend>
          <RadioGroup id={`ev-goal-${i}`} legend={t('arrangements.evaluation_result')} value={goals[i]!.result} options={GOAL_RESULTS}
            labelOf={(r) => t(`enums.goal_result.${r}`)} error={e(`goals.${i}.result`)}
            onChange={(r) => setGoals((gs) => gs.map((x, j) => (j === i ? { ...x, result: r } : x)))} />
          <TextArea id={`ev-goal-${i}-toelichting`} label={t('arrangements.evaluation_toelichting')} rows={2} value={goals[i]!.toelichting}
            onChange={(v) => setGoals((gs) => gs.map((x, j) => (j === i ? { ...x, toelichting: v } : x)))} />
        </fieldset>
      ))}
      <TextArea id="ev-effect" label={t('arrangements.evaluation_effect')} rows={3} value={effect} onChange={setEffect} error={e('effectLeerkrachtTeam')} />
      <TextArea id="ev-visie" label={t('arrangements.evaluation_visie')} rows={3} value={visie} onChange={setVisie} error={e('visieKind')} />
      <TextArea id="ev-vervolg" label={t('arrangements.evaluation_vervolg')} rows={3} value={vervolg} required onChange={setVervolg}
        error={e('vervolgstap')} />
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="button-row">
        <button type="button" onClick={() => void run()} disabled={busy}>{busy ? t('arrangements.busy') : t('arrangements.evaluation_save')}</button>
        <button type="button" className="button-secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </Dialog>
  );
}
