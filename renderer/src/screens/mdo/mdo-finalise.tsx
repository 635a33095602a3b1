// Vaststellen: who was present, and per parent with gezag the consent. The reasons the core would
// refuse (finaliseBlockers) are shown BEFORE the click, each with a way to the field. Pending edits
// are saved first; then mdo:finalise with the revision they produced.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mdoInputSchema, type Dossier, type Mdo } from '../../../../shared/contract/index.js';
import { CONSENT_DECISIONS, CONSENT_WAYS, finaliseBlockers, type ConsentDecision } from '../../../../shared/domain/mdo.js';
import { todayInAmsterdam } from '../../../../shared/domain/validation.js';
import { Checkbox, TextField } from '../../components/field.js';
import { RadioGroup } from '../../components/radio-group.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { errorText, validationText } from '../../i18n.js';
import { ContractError, useTransport } from '../../transport/transport.js';
import { mdoFieldId, type MdoEditor } from './mdo-draft.js';

type Way = (typeof CONSENT_WAYS)[number];
interface ConsentDraft {
  besluit: ConsentDecision | '';
  datum: string;
  wijze: Way | '';
}

const focusField = (path: string) => {
  const el = document.getElementById(mdoFieldId(path));
  el?.scrollIntoView?.({ block: 'center' });
  el?.focus();
};

export function MdoFinalisePanel({ editor, dossier, onDone }: { editor: MdoEditor; dossier: Dossier; onDone(m: Mdo): void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const snap = editor.getSnapshot();
  const draft = snap.draft;
  const parents = dossier.parents.filter((p) => p.gezag);
  const [absent, setAbsent] = useState<ReadonlySet<string>>(new Set());
  const [consent, setConsent] = useState<Record<string, ConsentDraft>>(() =>
    Object.fromEntries(parents.map((p) => [p.id, { besluit: '', datum: todayInAmsterdam(), wijze: 'mondeling_mdo' }])),
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const blockers = finaliseBlockers(draft);
  const errorOf = (path: string) => {
    const key = editor.errorKey(path);
    return key ? validationText(t, key) : undefined;
  };
  const setOne = (pid: string, patch: Partial<ConsentDraft>) => {
    editor.clearServerErrors(`consent.${pid}`);
    setConsent((c) => ({ ...c, [pid]: { ...c[pid]!, ...patch } }));
  };
  // Messages for paths with a control on screen are shown there; the rest are listed here.
  const otherErrors = Object.entries(snap.serverErrors).filter(
    ([path]) => !path.startsWith('consent.') && !(path.split('.')[0]! in mdoInputSchema.shape),
  );

  const submit = async () => {
    setFailure('');
    const missing = parents.filter((p) => !consent[p.id]?.besluit);
    if (blockers.length) return focusField(blockers[0]!.path);
    if (missing.length) {
      editor.showServerErrors(missing.map((p) => ({ path: `consent.${p.id}`, key: 'consent_required' })));
      return document.getElementById(mdoFieldId(`consent.${missing[0]!.id}`))?.focus();
    }
    setBusy(true);
    try {
      if (!(await editor.flush())) {
        setFailure(t('mdo.finalise_unsaved'));
        return;
      }
      const s = editor.getSnapshot();
      const presentAttendeeIds = s.draft.attendees.filter((a) => a.id && !absent.has(a.key)).map((a) => a.id!);
      const m = await transport.call('mdo:finalise', {
        id: s.saved.id,
        baseRevision: s.saved.revision,
        presentAttendeeIds,
        consent: parents.map((p) => {
          const c = consent[p.id]!;
          const asked = c.besluit !== 'nog_niet_gevraagd';
          return { parentId: p.id, besluit: c.besluit as ConsentDecision, datum: asked ? c.datum : '', wijze: asked && c.wijze ? c.wijze : null };
        }),
      });
      onDone(m);
    } catch (err) {
      if (err instanceof ContractError && err.code === 'validation') {
        editor.showServerErrors(err.fields);
        setFailure(t('errors.validation'));
        const first = err.fields[0]?.path;
        if (first) focusField(first.replace(/^(consent\.[^.]+).*$/, '$1'));
      } else {
        setFailure(errorText(t, err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="form-section finalise-panel" aria-labelledby="mdo-finalise-title">
      <h2 id="mdo-finalise-title">{t('mdo.finalise_title')}</h2>
      <p>{t('mdo.finalise_intro')}</p>
      {blockers.length > 0 && (
        <div className="message message-error" id="mdo-blockers">
          <p>{t('mdo.finalise_blocked')}</p>
          <ul>
            {blockers.map((b) => (
              <li key={b.path}>
                <button type="button" className="button-link" onClick={() => focusField(b.path)}>
                  {validationText(t, b.key)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset>
        <legend>{t('mdo.finalise_present')}</legend>
        {draft.attendees.length === 0 && <p className="empty">{t('mdo.finalise_no_attendees')}</p>}
        {draft.attendees.map((a) => (
          <Checkbox key={a.key} id={`m-present-${a.key}`} label={t('mdo.finalise_present_label', { name: a.name })}
            checked={!absent.has(a.key)}
            onChange={(on) => setAbsent((s) => {
              const next = new Set(s);
              if (on) next.delete(a.key);
              else next.add(a.key);
              return next;
            })} />
        ))}
      </fieldset>
      {parents.length === 0 && <p className="empty">{t('mdo.consent_no_parents')}</p>}
      {parents.map((p) => {
        const c = consent[p.id]!;
        const asked = c.besluit !== 'nog_niet_gevraagd';
        const path = `consent.${p.id}`;
        return (
          <fieldset key={p.id} className="consent-row" id={mdoFieldId(path)} tabIndex={-1}
            aria-describedby={errorOf(path) ? `${mdoFieldId(path)}-error` : undefined}>
            <legend>{t('mdo.consent_legend', { name: p.name })}</legend>
            {errorOf(path) && <p className="field-error" id={`${mdoFieldId(path)}-error`}>{errorOf(path)}</p>}
            <RadioGroup id={mdoFieldId(`${path}.besluit`)} legend={t('mdo.consent_besluit')} value={c.besluit}
              options={CONSENT_DECISIONS} labelOf={(v) => t(`enums.consent.${v}`)} error={errorOf(`${path}.besluit`)}
              onChange={(v) => setOne(p.id, { besluit: v })} />
            {asked && (
              <div className="form-grid">
                <TextField id={mdoFieldId(`${path}.datum`)} type="date" label={t('mdo.consent_datum')} value={c.datum}
                  onChange={(v) => setOne(p.id, { datum: v })} error={errorOf(`${path}.datum`)} />
                <RadioGroup id={mdoFieldId(`${path}.wijze`)} legend={t('mdo.consent_wijze')} value={c.wijze}
                  options={CONSENT_WAYS} labelOf={(v) => t(`enums.consent_way.${v}`)} error={errorOf(`${path}.wijze`)}
                  onChange={(v) => setOne(p.id, { wijze: v })} />
              </div>
            )}
          </fieldset>
        );
      })}
      {otherErrors.length > 0 && (
        <ErrorMessage>{otherErrors.map(([path, key]) => `${path}: ${validationText(t, key)}`).join(' ')}</ErrorMessage>
      )}
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      {busy && <Busy>{t('mdo.finalising')}</Busy>}
      <button type="button" className="button-primary" onClick={submit} disabled={busy}
        aria-describedby={blockers.length ? 'mdo-blockers' : undefined}>
        {t('mdo.finalise')}
      </button>
    </section>
  );
}
