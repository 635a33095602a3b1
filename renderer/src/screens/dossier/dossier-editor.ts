// The editing state of one dossier, outside React so the autosave rules are explicit:
// - every edit restarts a debounce timer; when it fires the whole dossier is sent with the
//   version it was based on;
// - edits typed while a save is in flight are kept and saved right after it (never lost);
// - the shared schema runs on every edit for instant messages; the core's answer decides;
// - a new dossier is not autosaved: it is created once, on request.
import type { Dossier } from '../../../../shared/contract/index.js';
import { ContractError, type Transport } from '../../transport/transport.js';
import { adoptIds, clientIssues, draftFromDossier, emptyDraft, openStatusOf, toInput, type DossierDraft } from './draft.js';

export const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'failed' | 'conflict';

export interface EditorSnapshot {
  draft: DossierDraft;
  /** The dossier as last returned by the core; `null` for a new one. */
  saved: Dossier | null;
  status: SaveStatus;
  failure: unknown;
  serverErrors: Readonly<Record<string, string>>;
  clientErrors: Readonly<Record<string, string>>;
  touched: ReadonlySet<string>;
  /** Show client messages for untouched fields too (after a save or create attempt). */
  showAll: boolean;
}

export class DossierEditor {
  private snap: EditorSnapshot;
  private listeners = new Set<() => void>();
  private editSeq = 0;
  private savedSeq = 0;
  private inflight: Promise<void> | null = null;
  private queued = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly transport: Transport,
    initial: Dossier | null,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
    consulentId = '',
  ) {
    const draft = initial ? draftFromDossier(initial) : emptyDraft(consulentId);
    this.snap = {
      draft, saved: initial, status: 'idle', failure: null, serverErrors: {}, clientErrors: clientIssues(draft),
      touched: new Set(), showAll: false,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): EditorSnapshot => this.snap;

  private set(patch: Partial<EditorSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  get readOnly(): boolean {
    return this.snap.saved?.status === 'afgesloten';
  }

  /** Changes not yet accepted by the core. */
  get dirty(): boolean {
    return this.editSeq !== this.savedSeq;
  }

  /** The message key to show at a field: the core's, else the schema's once the field was touched. */
  errorKey(path: string): string | undefined {
    const s = this.snap;
    return s.serverErrors[path] ?? (s.showAll || s.touched.has(path) ? s.clientErrors[path] : undefined);
  }

  /** Apply an edit. `paths`: the fields it touches (their old server messages no longer apply). */
  edit(update: (d: DossierDraft) => DossierDraft, paths: string[]): void {
    if (this.readOnly) return;
    const draft = update(this.snap.draft);
    this.editSeq++;
    const serverErrors = { ...this.snap.serverErrors };
    for (const key of Object.keys(serverErrors)) {
      if (paths.some((p) => key === p || key.startsWith(`${p}.`))) delete serverErrors[key];
    }
    const touched = new Set(this.snap.touched);
    for (const p of paths) touched.add(p);
    const existing = this.snap.saved !== null;
    this.set({
      draft, serverErrors, touched, clientErrors: clientIssues(draft),
      status: existing && this.snap.status !== 'conflict' ? 'pending' : this.snap.status === 'invalid' ? 'idle' : this.snap.status,
    });
    if (existing) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.save(), this.delayMs);
    }
  }

  /** Save now (existing dossier). Safe to call at any time; concurrent calls queue. */
  async save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inflight) {
      this.queued = true;
      return this.inflight;
    }
    const saved = this.snap.saved;
    if (!saved || !this.dirty || this.readOnly || this.snap.status === 'conflict') return;
    if (Object.keys(this.snap.clientErrors).length) {
      this.set({ status: 'invalid', showAll: true });
      return;
    }
    const seq = this.editSeq;
    const sent = this.snap.draft;
    this.set({ status: 'saving' });
    this.inflight = this.transport
      .call('dossiers:update', { id: saved.id, baseVersion: saved.version, dossier: toInput(sent) })
      .then(
        (d) => {
          this.savedSeq = seq;
          const more = this.editSeq !== seq;
          this.set({
            saved: d, draft: adoptIds(this.snap.draft, sent, d), serverErrors: {}, failure: null,
            status: more ? 'pending' : 'saved',
          });
        },
        (err: unknown) => this.fail(err),
      );
    try {
      await this.inflight;
    } finally {
      this.inflight = null;
    }
    if (this.queued) {
      this.queued = false;
      await this.save();
    }
  }

  private fail(err: unknown): void {
    if (err instanceof ContractError && err.code === 'validation') {
      const serverErrors: Record<string, string> = {};
      for (const f of err.fields) serverErrors[f.path] ??= f.key;
      this.set({ serverErrors, showAll: true, status: 'invalid', failure: null });
    } else if (err instanceof ContractError && err.code === 'conflict') {
      this.set({ status: 'conflict', failure: err });
    } else {
      this.set({ status: 'failed', failure: err });
    }
  }

  /** Before leaving or closing: save what is pending. True when nothing unsaved remains. */
  async flush(): Promise<boolean> {
    if (!this.snap.saved) return !this.dirty;
    for (let i = 0; i < 5 && (this.dirty || this.inflight); i++) {
      if (this.inflight) await this.inflight.catch(() => undefined);
      await this.save();
      if (this.snap.status === 'invalid' || this.snap.status === 'failed' || this.snap.status === 'conflict') break;
    }
    return !this.dirty;
  }

  /** Create a new dossier from the draft. Returns it, or null when it was not accepted. */
  async create(): Promise<Dossier | null> {
    if (Object.keys(this.snap.clientErrors).length) {
      this.set({ status: 'invalid', showAll: true });
      return null;
    }
    const seq = this.editSeq;
    this.set({ status: 'saving' });
    try {
      const d = await this.transport.call('dossiers:create', toInput(this.snap.draft));
      this.savedSeq = seq;
      this.set({ status: 'idle' });
      return d;
    } catch (err) {
      this.fail(err);
      return null;
    }
  }

  /**
   * After close/reopen: the core's new version of the dossier. Only its status changed; the draft
   * follows it, or the next autosave would send the old status back.
   */
  replaceSaved(d: Dossier): void {
    this.set({ saved: d, draft: { ...this.snap.draft, status: openStatusOf(d.status) } });
  }

  /** Start over from the core's current version (after a conflict). */
  reset(d: Dossier): void {
    clearTimeout(this.timer);
    this.editSeq = 0;
    this.savedSeq = 0;
    this.queued = false;
    const draft = draftFromDossier(d);
    this.set({
      draft, saved: d, status: 'idle', failure: null, serverErrors: {}, clientErrors: clientIssues(draft),
      touched: new Set(), showAll: false,
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
