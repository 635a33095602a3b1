// Retention (bewaartermijnen): the association's rules (association_settings key 'retention', synced),
// what is due today, the purge and its run records (retention_runs, synced, append-only).
import type Database from 'better-sqlite3';
import type { RetentionDueItem, RetentionRun } from '../../shared/contract/retention.js';
import type { Role } from '../../shared/domain/dossier.js';
import {
  RETENTION_PURGE_ROLES as PURGE_ROLES, dossierVerdict, dueTlvs, initialsOf, retentionSettingsOf, tlvFactsOfRow, type DossierFacts, type RetentionRule, type RetentionSettings,
} from '../../shared/domain/retention.js';
import { uuidv7 } from '../../shared/ids.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import type { retentionPurger } from './retention-purge.js';

/** Roles that work with pupils' names see them in the list; the others see initials. */
const NAMED_ROLES: readonly Role[] = ['consulent', 'school'];

export interface RetentionDeps {
  now: () => Date;
  role: () => Role | null;
  /** Linked to a store: the purge is also queued for the store (and through it every device). */
  linked: () => boolean;
  actorName: () => string;
  purger: ReturnType<typeof retentionPurger>;
}

interface DossierRow { id: string; status: string; closedAt: string | null; voornaam: string; tussenvoegsel: string; achternaam: string }
interface TlvRow { id: string; dossierId: string; status: string; periodEnd: string; decision: string | null }

export function retentionRepo(sqlite: Database.Database, deps: RetentionDeps) {
  const q = {
    get: sqlite.prepare<[string], string>('SELECT value FROM association_settings WHERE key = ?').pluck(),
    put: sqlite.prepare(`INSERT INTO association_settings (key, value, updated_at) VALUES (?, ?, ?)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
    dossiers: sqlite.prepare<[], DossierRow>(`SELECT id, status, closed_at AS closedAt, voornaam, tussenvoegsel, achternaam
      FROM dossiers WHERE closed_at IS NOT NULL OR id IN (SELECT dossier_id FROM tlv_applications WHERE status IN ('toegekend', 'afgewezen'))`),
    tlvs: sqlite.prepare<[], TlvRow>(`SELECT id, dossier_id AS dossierId, status, period_end AS periodEnd, decision FROM tlv_applications`),
    insertRun: sqlite.prepare(`INSERT INTO retention_runs (id, rule, run_date, count, by_name, created_at)
      VALUES (@id, @rule, @runDate, @count, @byName, @createdAt)`),
    runs: sqlite.prepare<[], RetentionRun>(`SELECT id, rule, run_date AS date, count, by_name AS byName, created_at AS createdAt
      FROM retention_runs ORDER BY created_at DESC, id DESC`),
  };

  // Not cached: sync may bring another device's rules at any time.
  function settings(): RetentionSettings {
    return retentionSettingsOf(q.get.get('retention'));
  }

  const today = () => todayInAmsterdam(deps.now());

  function facts(): { rows: DossierRow[]; byDossier: Map<string, DossierFacts> } {
    const tlvs = new Map<string, DossierFacts['tlvs'][number][]>();
    for (const t of q.tlvs.all()) {
      const list = tlvs.get(t.dossierId) ?? [];
      list.push(tlvFactsOfRow({ id: t.id, status: t.status, period_end: t.periodEnd, decision: t.decision }));
      tlvs.set(t.dossierId, list);
    }
    const rows = q.dossiers.all();
    const byDossier = new Map(rows.map((r) => [r.id, { id: r.id, status: r.status, closedAt: r.closedAt, tlvs: tlvs.get(r.id) ?? [] }]));
    return { rows, byDossier };
  }

  /** Everything due today: whole dossiers, and TLVs inside dossiers that stay. */
  function due(): { today: string; named: boolean; canPurge: boolean; items: RetentionDueItem[] } {
    const s = settings();
    const day = today();
    const role = deps.role();
    const named = role !== null && NAMED_ROLES.includes(role);
    const { rows, byDossier } = facts();
    const items: RetentionDueItem[] = [];
    for (const r of rows) {
      const f = byDossier.get(r.id)!;
      const label = named ? [r.voornaam, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' ') : initialsOf(r.voornaam, r.tussenvoegsel, r.achternaam);
      const v = dossierVerdict(f, s, day);
      if (v.due) items.push({ rule: 'dossier_closed', id: r.id, dossierId: r.id, label, since: v.since });
      else for (const t of dueTlvs(f, s, day)) items.push({ rule: 'tlv', id: t.id, dossierId: r.id, label, since: t.since });
    }
    items.sort((a, b) => a.since.localeCompare(b.since) || a.label.localeCompare(b.label, 'nl'));
    return { today: day, named, canPurge: role !== null && PURGE_ROLES.includes(role), items };
  }

  return {
    settings,
    saveSettings(next: RetentionSettings): RetentionSettings {
      sqlite.transaction(() => q.put.run('retention', JSON.stringify(next), deps.now().toISOString()))();
      return settings();
    },
    due,
    runs: (): RetentionRun[] => q.runs.all(),
    /**
     * Destroys the given items if every one is still due under `rule` today; returns null when one is not
     * (nothing is destroyed then). Records the run (rule, day, count) in the same transaction.
     */
    purge(rule: RetentionRule, ids: readonly string[]): { rule: RetentionRule; date: string; count: number } | null {
      const unique = [...new Set(ids)];
      const dueNow = new Set(due().items.filter((i) => i.rule === rule).map((i) => i.id));
      if (!unique.every((id) => dueNow.has(id))) return null;
      const date = today();
      const count = deps.purger.purge(rule === 'dossier_closed' ? 'dossier' : 'tlv', unique, deps.linked(), (n) =>
        q.insertRun.run({ id: uuidv7(), rule, runDate: date, count: n, byName: deps.actorName(), createdAt: deps.now().toISOString() }));
      return { rule, date, count };
    },
  };
}
export type RetentionRepo = ReturnType<typeof retentionRepo>;
