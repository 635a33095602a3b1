// A reusable autosave state machine, outside React (the same rules as DossierEditor, generic over
// the draft and the saved document, so the MDO and the kindgesprek editors share one copy):
// - every edit restarts a debounce timer; when it fires the whole draft is sent with the revision
//   it was based on;
// - edits typed while a save is in flight are kept and saved right after it (never lost);
// - the shared schema runs on every edit for instant messages; the core's answer decides;
// - conflict / invalid / failed are states the screen shows; the typed text stays in the draft.
import { ContractError } from '../transport/transport.js';

export const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'failed' | 'conflict';

export interface AutosaveSnapshot<D, S> {
  draft: D;
  saved: S;
  status: SaveStatus;
  failure: unknown;
  serverErrors: Readonly<Record<string, string>>;
  clientErrors: Readonly<Record<string, string>>;
  touched: ReadonlySet<string>;
  showAll: boolean;
}

export interface AutosaveSpec<D, S> {
  toDraft(saved: S): D;
  /** Client-side problems by dotted path (the shared schema). */
  validate(draft: D): Record<string, string>;
  /** Sends the draft; resolves to the core's new version. */
  send(draft: D, saved: S): Promise<S>;
  readOnly(saved: S): boolean;
  /** After a save: give new rows of the current draft the ids the core made (optional). */
  adopt?(current: D, sent: D, saved: S): D;
  /** False while the document does not exist yet (a new dossier is created once, on request). */
  autosaves?(saved: S): boolean;
}

export class AutosaveEditor<D, S> {
  private snap: AutosaveSnapshot<D, S>;
  private listeners = new Set<() => void>();
  protected editSeq = 0;
  protected savedSeq = 0;
  private inflight: Promise<void> | null = null;
  private queued = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly spec: AutosaveSpec<D, S>,
    initial: S,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {
    this.snap = this.fresh(initial);
  }

  private fresh(saved: S): AutosaveSnapshot<D, S> {
    const draft = this.spec.toDraft(saved);
    return {
      draft, saved, status: 'idle', failure: null, serverErrors: {}, clientErrors: this.spec.validate(draft),
      touched: new Set(), showAll: false,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AutosaveSnapshot<D, S> => this.snap;

  protected set(patch: Partial<AutosaveSnapshot<D, S>>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  get readOnly(): boolean {
    return this.spec.readOnly(this.snap.saved);
  }

  get dirty(): boolean {
    return this.editSeq !== this.savedSeq;
  }

  private get autosaves(): boolean {
    return this.spec.autosaves?.(this.snap.saved) ?? true;
  }

  /** The message key to show at a field: the core's, else the schema's once the field was touched. */
  errorKey(path: string): string | undefined {
    const s = this.snap;
    return s.serverErrors[path] ?? (s.showAll || s.touched.has(path) ? s.clientErrors[path] : undefined);
  }

  edit(update: (d: D) => D, paths: string[]): void {
    if (this.readOnly) return;
    const draft = update(this.snap.draft);
    this.editSeq++;
    const serverErrors = { ...this.snap.serverErrors };
    for (const key of Object.keys(serverErrors)) {
      if (paths.some((p) => key === p || key.startsWith(`${p}.`))) delete serverErrors[key];
    }
    const touched = new Set(this.snap.touched);
    for (const p of paths) touched.add(p);
    const status = this.snap.status;
    this.set({
      draft, serverErrors, touched, clientErrors: this.spec.validate(draft),
      status: !this.autosaves ? (status === 'invalid' ? 'idle' : status) : status === 'conflict' ? 'conflict' : 'pending',
    });
    if (!this.autosaves) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), this.delayMs);
  }

  /** Save now. Safe to call at any time; concurrent calls queue. */
  async save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inflight) {
      this.queued = true;
      return this.inflight;
    }
    if (!this.dirty || this.readOnly || !this.autosaves || this.snap.status === 'conflict') return;
    if (Object.keys(this.snap.clientErrors).length) {
      this.set({ status: 'invalid', showAll: true });
      return;
    }
    const seq = this.editSeq;
    const sent = this.snap.draft;
    this.set({ status: 'saving' });
    this.inflight = this.spec.send(sent, this.snap.saved).then(
      (saved) => {
        this.savedSeq = seq;
        const more = this.editSeq !== seq;
        const draft = this.spec.adopt ? this.spec.adopt(this.snap.draft, sent, saved) : this.snap.draft;
        this.set({ saved, draft, serverErrors: {}, failure: null, status: more ? 'pending' : 'saved' });
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

  /** Shows the core's refusal: field messages, conflict, or a failure (the draft is kept). */
  fail(err: unknown): void {
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

  /** Field messages from another call (e.g. finalise) on the same document. */
  showServerErrors(fields: { path: string; key: string }[]): void {
    const serverErrors: Record<string, string> = {};
    for (const f of fields) serverErrors[f.path] ??= f.key;
    this.set({ serverErrors, showAll: true });
  }

  /** The user changed something outside the draft (e.g. a consent choice): its old messages go. */
  clearServerErrors(prefix: string): void {
    const serverErrors = Object.fromEntries(
      Object.entries(this.snap.serverErrors).filter(([k]) => k !== prefix && !k.startsWith(`${prefix}.`)),
    );
    this.set({ serverErrors });
  }

  /** Before leaving or finalising: save what is pending. True when nothing unsaved remains. */
  async flush(): Promise<boolean> {
    if (!this.autosaves) return !this.dirty;
    for (let i = 0; i < 5 && (this.dirty || this.inflight); i++) {
      if (this.inflight) await this.inflight.catch(() => undefined);
      await this.save();
      const st = this.snap.status;
      if (st === 'invalid' || st === 'failed' || st === 'conflict') break;
    }
    return !this.dirty;
  }

  /** A new version from the core by another action (finalise, finish): nothing of ours is pending. */
  replaceSaved(saved: S): void {
    clearTimeout(this.timer);
    this.savedSeq = this.editSeq;
    this.set({ saved, draft: this.spec.toDraft(saved), serverErrors: {}, status: 'idle', failure: null });
  }

  /** Start over from the core's current version (after a conflict). */
  reset(saved: S): void {
    clearTimeout(this.timer);
    this.editSeq = 0;
    this.savedSeq = 0;
    this.queued = false;
    this.snap = this.fresh(saved);
    for (const l of this.listeners) l();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
