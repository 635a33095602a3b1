// Besluiten and Brieven per agenda item: the decision form (toegekend: category, period, voorwaarden;
// afgewezen: redenen; aangehouden: wat is nodig), the recorded decision with its TLV number, and the
// decision letters to school and parents with "Brieven verzonden".
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionInputSchema, type DecisionInput, type MeetingItem } from '../../../../shared/contract/index.js';
import { DECISIONS, LETTER_RECIPIENTS, type Decision } from '../../../../shared/domain/commission.js';
import { issuesOf } from '../../../../shared/domain/validation.js';
import { formatDate } from '../../../../shared/format.js';
import { SelectField, TextArea, TextField } from '../../components/field.js';
import { PdfButton } from '../../components/pdf-button.js';
import { RadioGroup } from '../../components/radio-group.js';
import { ErrorMessage } from '../../components/status.js';
import { useAction } from '../../components/use-async.js';
import { errorText, validationText } from '../../i18n.js';
import { useLanguage } from '../../stores/language-store.js';
import { ContractError, useTransport } from '../../transport/transport.js';
import { DecisionSummary } from './commission-parts.js';
import type { MeetingCtx } from './meeting-screen.js';

interface Props {
  ctx: MeetingCtx;
  categories: readonly { key: string; label: string }[];
  categoryLabel(key: string): string;
}

export function DecisionsSection({ ctx, categories, categoryLabel }: Props) {
  const { t } = useTranslation();
  const items = ctx.meeting.items;
  return (
    <section className="form-section" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('commission.decisions_title')}</h2>
      {items.length === 0 && <p className="empty">{t('commission.decisions_empty')}</p>}
      {items.length > 0 && <p className="field-hint">{t('commission.letters_hint')}</p>}
      {items.map((item) => (
        <article key={item.id} className="card decision-item" aria-labelledby={`dec-title-${item.id}`}>
          <h3 id={`dec-title-${item.id}`}>{item.title}</h3>
          <ItemDecision ctx={ctx} item={item} categories={categories} categoryLabel={categoryLabel} />
          {item.decision && <Letters ctx={ctx} item={item} />}
        </article>
      ))}
    </section>
  );
}

function ItemDecision({ ctx, item, categories, categoryLabel }: Props & { item: MeetingItem }) {
  const { t } = useTranslation();
  const [again, setAgain] = useState(false);
  const d = item.decision;
  const open = !ctx.readOnly && (!d || (d.decision === 'aangehouden' && again));
  return (
    <>
      {d && <DecisionSummary decision={d} categoryLabel={categoryLabel} />}
      {d?.decision === 'aangehouden' && !ctx.readOnly && !again && (
        <button type="button" className="button-secondary" onClick={() => setAgain(true)}>{t('commission.decide_again')}</button>
      )}
      {open && <DecisionForm ctx={ctx} item={item} categories={categories} onDone={() => setAgain(false)} />}
    </>
  );
}

type Draft = { decision: Decision | ''; category: string; startDate: string; endDate: string; conditions: string; reasons: string; needed: string };

function toInput(d: Draft): DecisionInput | { decision: '' } {
  switch (d.decision) {
    case 'toegekend':
      return { decision: 'toegekend', category: d.category, startDate: d.startDate, endDate: d.endDate, conditions: d.conditions };
    case 'afgewezen':
      return { decision: 'afgewezen', reasons: d.reasons };
    case 'aangehouden':
      return { decision: 'aangehouden', needed: d.needed };
    default:
      return { decision: '' };
  }
}

function DecisionForm({ ctx, item, categories, onDone }: { ctx: MeetingCtx; item: MeetingItem; categories: Props['categories']; onDone(): void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [d, setD] = useState<Draft>({ decision: '', category: '', startDate: '', endDate: '', conditions: '', reasons: '', needed: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const isTlv = item.subjectType === 'tlv';
  const fid = (f: string) => `dec-${item.id}-${f}`;
  const err = (f: string) => (errors[f] ? validationText(t, errors[f]) : undefined);
  const set = (patch: Partial<Draft>) => {
    setD((x) => ({ ...x, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  // Prefill the period (and the TLV's requested category) from the application; without it the form still works.
  useEffect(() => {
    let live = true;
    const load = isTlv
      ? transport.call('tlv:get', { id: item.subjectId }).then((x) => ({ category: x.category, startDate: x.periodStart, endDate: x.periodEnd }))
      : transport.call('arrangements:get', { id: item.subjectId }).then((x) => ({ category: '', startDate: x.startDate, endDate: x.endDate }));
    load.then((p) => live && setD((x) => ({
      ...x, category: x.category || p.category, startDate: x.startDate || p.startDate, endDate: x.endDate || p.endDate,
    })), () => undefined);
    return () => {
      live = false;
    };
  }, [transport, isTlv, item.subjectId]);

  const show = (issues: { path: string; key: string }[]) => {
    const out: Record<string, string> = {};
    for (const i of issues) out[i.path.replace(/^decision\./, '') || 'decision'] ??= i.key;
    setErrors(out);
    setError(t('commission.decide_invalid'));
    document.getElementById(fid(Object.keys(out)[0]!))?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    const input = toInput(d);
    if (input.decision === '') return show([{ path: 'decision', key: 'choose_option' }]);
    const parsed = decisionInputSchema.safeParse(input);
    if (!parsed.success) return show(issuesOf(parsed.error));
    setBusy(true);
    try {
      const latest = ctx.latest();
      ctx.apply(await transport.call('commission:decide', { meetingId: latest.id, baseRevision: latest.revision, itemId: item.id, decision: input }));
      onDone();
    } catch (x) {
      if (x instanceof ContractError && x.code === 'validation') show(x.fields);
      else setError(errorText(t, x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label={t('commission.decision_legend', { title: item.title })}>
      <RadioGroup id={fid('decision')} legend={t('commission.decision_choose')} value={d.decision} options={DECISIONS}
        labelOf={(x) => t(`enums.decision.${x}`)} error={err('decision')} onChange={(v) => set({ decision: v })} />
      {d.decision === 'toegekend' && (
        <>
          {isTlv && (
            <SelectField id={fid('category')} label={t('commission.category')} value={d.category} error={err('category')}
              onChange={(v) => set({ category: v })}>
              <option value="">{t('commission.choose')}</option>
              {categories.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
            </SelectField>
          )}
          <div className="form-grid">
            <TextField id={fid('startDate')} type="date" label={t('commission.start')} value={d.startDate} required error={err('startDate')}
              onChange={(v) => set({ startDate: v })} />
            <TextField id={fid('endDate')} type="date" label={t('commission.end')} value={d.endDate} required error={err('endDate')}
              onChange={(v) => set({ endDate: v })} />
          </div>
          <TextArea id={fid('conditions')} label={t('commission.conditions')} value={d.conditions} rows={3} error={err('conditions')}
            onChange={(v) => set({ conditions: v })} />
        </>
      )}
      {d.decision === 'afgewezen' && (
        <TextArea id={fid('reasons')} label={t('commission.reasons')} value={d.reasons} rows={4} required error={err('reasons')}
          onChange={(v) => set({ reasons: v })} />
      )}
      {d.decision === 'aangehouden' && (
        <TextArea id={fid('needed')} label={t('commission.needed')} value={d.needed} rows={4} required error={err('needed')}
          onChange={(v) => set({ needed: v })} />
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <button type="submit" disabled={busy} aria-busy={busy || undefined}>{busy ? t('commission.busy') : t('commission.decide')}</button>
    </form>
  );
}

function Letters({ ctx, item }: { ctx: MeetingCtx; item: MeetingItem }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const sent = useAction(async () => {
    const latest = ctx.latest();
    ctx.apply(await transport.call('commission:markLettersSent', { meetingId: latest.id, baseRevision: latest.revision, itemId: item.id }));
  });
  return (
    <div className="letters" role="group" aria-label={t('commission.letters_of', { title: item.title })}>
      <h4>{t('commission.letters_title')}</h4>
      <div className="button-row">
        {LETTER_RECIPIENTS.map((r) => (
          <PdfButton key={r} label={t(`commission.letter_${r}`)} busyLabel={t('commission.letter_busy')}
            load={() => transport.call('commission:letter', { itemId: item.id, recipient: r })} />
        ))}
        {/* Letters often go out after the notulen are vastgesteld: the core allows this on a closed meeting. */}
        {!item.lettersSentAt && (
          <button type="button" onClick={() => void sent.run()} disabled={sent.busy} aria-busy={sent.busy || undefined}>
            {sent.busy ? t('commission.busy') : t('commission.letters_sent')}
          </button>
        )}
      </div>
      {item.lettersSentAt && <p>{t('commission.letters_sent_at', { date: formatDate(item.lettersSentAt, lang) })}</p>}
      {sent.error && <ErrorMessage>{sent.error}</ErrorMessage>}
    </div>
  );
}
