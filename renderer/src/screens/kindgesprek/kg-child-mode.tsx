// Child mode: full screen, calm, one topic at a time (prompt to read aloud, faces, thermometer
// now/goal, the child's own words), then what may be shared. The consultant's observations are
// not here. Leaving is deliberate: "Afsluiten" and back/hash navigation both ask first.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kindgesprek } from '../../../../shared/contract/index.js';
import { KG_TOPICS } from '../../../../shared/domain/mdo.js';
import { Dialog } from '../../components/dialog.js';
import { TextArea } from '../../components/field.js';
import { SaveStatusLine, useSaveBeforeUnload } from '../../components/save-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { addLeaveGuard, navigate, paths } from '../../router/router.js';
import { useTransport } from '../../transport/transport.js';
import { createKgEditor, withTopic, type KgDraft } from './kg-draft.js';
import { SmileyScale, Thermometer } from './kg-scales.js';

interface Props {
  initial: Kindgesprek;
  autosaveDelayMs?: number | undefined;
}

const STEPS = KG_TOPICS.length + 1; // the topics, then sharing

export function KgChildMode({ initial, autosaveDelayMs }: Props) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [editor] = useState(() => createKgEditor(transport, initial, autosaveDelayMs));
  const snap = useSyncExternalStore(editor.subscribe, editor.getSnapshot, editor.getSnapshot);
  const [step, setStep] = useState(0);
  const [asking, setAsking] = useState<((ok: boolean) => void) | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const draft = snap.draft;
  const readOnly = editor.readOnly;
  const edit = (update: (d: KgDraft) => KgDraft, p: string[]) => editor.edit(update, p);
  const topic = step < KG_TOPICS.length ? draft.topics[step]! : null;
  const heading = topic ? t(`kg_prompt.${draft.leeftijd}.${topic.topic}`) : t('kindgesprek.share_title');
  useDocumentTitle(heading);

  useEffect(() => () => editor.dispose(), [editor]);
  // Each new step starts at its question (screen readers hear it; keyboard users start there).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  // Fill the screen where the browser allows it; the layout fills the viewport regardless.
  useEffect(() => {
    const el = document.documentElement;
    if (el.requestFullscreen && !document.fullscreenElement) el.requestFullscreen().catch(() => undefined);
    return () => {
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  // Every way out (Afsluiten, back, a typed URL) asks first, then saves.
  useEffect(
    () =>
      addLeaveGuard(async () => {
        const ok = await new Promise<boolean>((resolve) => setAsking(() => resolve));
        setAsking(null);
        if (!ok) return false;
        if (await editor.flush()) return true;
        return window.confirm(t('common.unsaved_confirm'));
      }),
    [editor, t],
  );
  useSaveBeforeUnload(editor);

  const leave = () => void navigate(paths.kindgesprek(initial.dossierId, initial.id));

  return (
    <div className="child-mode">
      <div className="child-top">
        <p className="child-progress" role="status" aria-live="polite">
          {topic ? t('kindgesprek.progress', { n: step + 1, total: KG_TOPICS.length }) : t('kindgesprek.progress_share')}
        </p>
        <SaveStatusLine ns="kindgesprek" status={snap.status} updatedAt={snap.saved.updatedAt} failure={snap.failure} />
        <button type="button" className="child-exit" onClick={leave}>{t('kindgesprek.exit')}</button>
      </div>
      <div className="child-body">
        <h1 ref={headingRef} tabIndex={-1} className="child-prompt" id="kg-prompt">{heading}</h1>
        {topic ? (
          <>
            <SmileyScale labelledBy="kg-prompt" value={topic.smiley} disabled={readOnly}
              onChange={(v) => edit(withTopic(step, { smiley: v }), [`topics.${step}.smiley`])} />
            <div className="child-scales">
              <Thermometer id={`kg-nu-${step}`} legend={t('kindgesprek.nu')} value={topic.nu} disabled={readOnly}
                onChange={(v) => edit(withTopic(step, { nu: v }), [`topics.${step}.nu`])} />
              <Thermometer id={`kg-doel-${step}`} legend={t('kindgesprek.doel')} value={topic.doel} disabled={readOnly}
                onChange={(v) => edit(withTopic(step, { doel: v }), [`topics.${step}.doel`])} />
            </div>
            <TextArea id={`kg-woorden-${step}`} className="child-words" label={t('kindgesprek.woorden')} rows={4}
              value={topic.woorden} disabled={readOnly}
              onChange={(v) => edit(withTopic(step, { woorden: v }), [`topics.${step}.woorden`])} />
          </>
        ) : (
          <ShareStep draft={draft} readOnly={readOnly} edit={edit} />
        )}
      </div>
      <div className="child-nav">
        <button type="button" className="child-nav-button" disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
          {t('kindgesprek.previous')}
        </button>
        {step < STEPS - 1 && (
          <button type="button" className="child-nav-button child-next" onClick={() => setStep((s) => s + 1)}>
            {t('kindgesprek.next')}
          </button>
        )}
      </div>
      {asking && (
        <Dialog title={t('kindgesprek.exit_title')} onCancel={() => asking(false)} className="child-dialog">
          <p>{t('kindgesprek.exit_text')}</p>
          <div className="button-row">
            <button type="button" className="button-primary" data-autofocus onClick={() => asking(false)}>
              {t('kindgesprek.exit_cancel')}
            </button>
            <button type="button" className="button-secondary" onClick={() => asking(true)}>
              {t('kindgesprek.exit_confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

function ShareStep({ draft, readOnly, edit }: { draft: KgDraft; readOnly: boolean; edit(u: (d: KgDraft) => KgDraft, p: string[]): void }) {
  const { t } = useTranslation();
  const toggle = (key: 'delenMetOuders' | 'delenMetSchool') => (
    <button type="button" className="share-toggle" aria-pressed={draft[key]} disabled={readOnly}
      onClick={() => edit((d) => ({ ...d, [key]: !d[key] }), [key])}>
      <span>{t(`kindgesprek.${key}`)}</span>
      <span className="share-answer" aria-hidden="true">{draft[key] ? t('common.yes') : t('common.no')}</span>
    </button>
  );
  return (
    <>
      <div className="share-toggles">
        {toggle('delenMetOuders')}
        {toggle('delenMetSchool')}
      </div>
      <TextArea id="kg-delen-toelichting" label={t('kindgesprek.delen_toelichting')} rows={3} value={draft.delenToelichting}
        disabled={readOnly} onChange={(v) => edit((d) => ({ ...d, delenToelichting: v }), ['delenToelichting'])} />
    </>
  );
}
