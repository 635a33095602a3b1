// Termijnen: gathers the minimal records `termijnen()` needs (one query per kind), optionally for one
// werkgebied or dossier, and names the dossiers of the resulting items.
import type Database from 'better-sqlite3';
import type { TermijnItem } from '../../shared/contract/termijnen.js';
import type { ArrStatus } from '../../shared/domain/arrangement.js';
import { fullName } from '../../shared/domain/dossier.js';
import type { AfspraakStatus, MdoStatus } from '../../shared/domain/mdo.js';
import { termijnen } from '../../shared/domain/termijnen.js';
import type { TlvKind, TlvStatus } from '../../shared/domain/tlv.js';

interface Filter { w: string | null; d: string | null }
// Dossier scope: the dossier itself, or every dossier at a school of the werkgebied.
const SCOPE = (col: string) => `(@d IS NULL OR ${col} = @d) AND (@w IS NULL OR ${col} IN
  (SELECT dd.id FROM dossiers dd JOIN schools ss ON ss.id = dd.school_id WHERE ss.werkgebied_id = @w))`;

export function termijnRepo(sqlite: Database.Database) {
  const q = {
    arrangements: sqlite.prepare<Filter, { id: string; dossierId: string; status: ArrStatus; evaluationDates: string }>(`
      SELECT id, dossier_id AS dossierId, status, json_extract(body, '$.evaluationDates') AS evaluationDates FROM arrangements
      WHERE dossier_id IS NOT NULL AND status IN ('toegekend', 'lopend') AND (@w IS NULL OR werkgebied_id = @w) AND (@d IS NULL OR dossier_id = @d)`),
    mdos: sqlite.prepare<Filter, { id: string; dossierId: string; status: MdoStatus; evaluatiedatum: string; done: number }>(`
      SELECT m.id, m.dossier_id AS dossierId, m.status, m.evaluatiedatum,
        EXISTS (SELECT 1 FROM mdos l WHERE l.dossier_id = m.dossier_id AND l.status = 'vastgesteld' AND l.series_id <> m.series_id
                AND l.superseded_by IS NULL AND l.datum > m.datum) AS done
      FROM mdos m WHERE m.status = 'vastgesteld' AND m.superseded_by IS NULL AND m.evaluatiedatum <> '' AND ${SCOPE('m.dossier_id')}`),
    tlvs: sqlite.prepare<Filter, { id: string; dossierId: string; kind: TlvKind; status: TlvStatus; periodEnd: string;
      completeAt: string | null; submittedAt: string | null; followUpStarted: number }>(`
      SELECT t.id, t.dossier_id AS dossierId, json_extract(t.body, '$.kind') AS kind, t.status, t.period_end AS periodEnd,
        t.complete_at AS completeAt, t.submitted_at AS submittedAt,
        EXISTS (SELECT 1 FROM tlv_applications n WHERE n.dossier_id = t.dossier_id AND n.created_at > t.created_at) AS followUpStarted
      FROM tlv_applications t WHERE ${SCOPE('t.dossier_id')}`),
    actions: sqlite.prepare<Filter, { id: string; dossierId: string; wanneer: string; status: AfspraakStatus }>(`
      SELECT id, dossier_id AS dossierId, wanneer, status FROM dossier_actions
      WHERE status = 'open' AND wanneer <> '' AND ${SCOPE('dossier_id')}`),
    names: sqlite.prepare<[string], { id: string; voornaam: string; tussenvoegsel: string; achternaam: string }>(
      'SELECT id, voornaam, tussenvoegsel, achternaam FROM dossiers WHERE id IN (SELECT value FROM json_each(?))'),
  };

  return function list(filter: { werkgebiedId?: string; dossierId?: string }, today: string, decisionWeeks: number): TermijnItem[] {
    const f: Filter = { w: filter.werkgebiedId ?? null, d: filter.dossierId ?? null };
    const items = termijnen({
      arrangements: q.arrangements.all(f).map((a) => ({ ...a, evaluationDates: JSON.parse(a.evaluationDates) as string[] })),
      mdos: q.mdos.all(f).map((m) => ({ ...m, done: Boolean(m.done) })),
      tlvs: q.tlvs.all(f).map((t) => ({ ...t, followUpStarted: Boolean(t.followUpStarted) })),
      actions: q.actions.all(f),
      decisionWeeks,
    }, today);
    const names = new Map(q.names.all(JSON.stringify([...new Set(items.map((i) => i.dossierId))])).map((d) => [d.id, fullName(d)]));
    return items.map((i) => ({ ...i, dossierName: names.get(i.dossierId) ?? '', labelKey: `enums.termijn.${i.kind}` }));
  };
}
