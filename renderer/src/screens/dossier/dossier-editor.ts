// The editing state of one dossier: the shared autosave rules (components/autosave.ts) for an
// existing dossier; a new dossier is not autosaved but created once, on request.
import type { Dossier } from '../../../../shared/contract/index.js';
import { AUTOSAVE_DELAY_MS, AutosaveEditor, type AutosaveSnapshot } from '../../components/autosave.js';
import type { Transport } from '../../transport/transport.js';
import { adoptIds, clientIssues, draftFromDossier, emptyDraft, toInput, type DossierDraft } from './draft.js';

export { AUTOSAVE_DELAY_MS };
export type { SaveStatus } from '../../components/autosave.js';
export type EditorSnapshot = AutosaveSnapshot<DossierDraft, Dossier | null>;

export class DossierEditor extends AutosaveEditor<DossierDraft, Dossier | null> {
  constructor(
    private readonly transport: Transport,
    initial: Dossier | null,
    delayMs = AUTOSAVE_DELAY_MS,
    consulentId = '',
  ) {
    super(
      {
        toDraft: (d) => (d ? draftFromDossier(d) : emptyDraft(consulentId)),
        validate: clientIssues,
        send: (draft, saved) =>
          transport.call('dossiers:update', { id: saved!.id, baseVersion: saved!.version, dossier: toInput(draft) }),
        readOnly: (d) => d?.status === 'afgesloten',
        autosaves: (d) => d !== null,
        adopt: (current, sent, saved) => adoptIds(current, sent, saved!),
      },
      initial,
      delayMs,
    );
  }

  /** Create a new dossier from the draft. Returns it, or null when it was not accepted. */
  async create(): Promise<Dossier | null> {
    const snap = this.getSnapshot();
    if (Object.keys(snap.clientErrors).length) {
      this.set({ status: 'invalid', showAll: true });
      return null;
    }
    const seq = this.editSeq;
    this.set({ status: 'saving' });
    try {
      const d = await this.transport.call('dossiers:create', toInput(snap.draft));
      this.savedSeq = seq;
      this.set({ status: 'idle' });
      return d;
    } catch (err) {
      this.fail(err);
      return null;
    }
  }
}
