// The Commissie van Toewijzing: its settings (association_settings key 'commission', synced) and the
// inbox, meetings and decisions built on them.
import type Database from 'better-sqlite3';
import type { CommissionSettings } from '../../shared/contract/commission.js';
import { DEFAULT_TLV_NUMBER_PATTERN } from '../../shared/domain/commission.js';
import type { ArrangementRepo } from './arrangements.js';
import type { BudgetRepo } from './budgets.js';
import { decisionWriter } from './commission-decide.js';
import { subjectReader } from './commission-inbox.js';
import { meetingStore } from './commission-meetings.js';
import { tlvNumberPool } from './tlv-numbers.js';
import type { TlvRepo } from './tlv.js';

/**
 * Defaults: the association's extra rules on, an OPP at most a year old, and every individual and
 * group arrangement (routes 1 and 2) to the commission, as the seeds' ondersteuningsplan has it
 * ("voor een individueel of groepsarrangement is een aanvraag bij de Commissie van Toewijzing nodig");
 * innovation projects (route 3) are decided by the werkgebied, so no amount rule.
 */
export function defaultCommissionSettings(associationName: string): CommissionSettings {
  return {
    rules: { requireParentsView: true, requireConsent: true, requireChildView: true, oppMaxAgeMonths: 12 },
    arrangementRoutes: [1, 2],
    arrangementThresholdCents: null,
    tlvNumberPattern: DEFAULT_TLV_NUMBER_PATTERN,
    memberRoles: [
      { key: 'voorzitter', label: 'Voorzitter', voting: true },
      { key: 'orthopedagoog', label: 'Orthopedagoog/GZ-psycholoog', voting: true },
      { key: 'jeugdarts', label: 'Jeugdarts', voting: true },
      { key: 'consulent', label: 'Consulent passend onderwijs', voting: true },
      { key: 'secretaris', label: 'Secretaris', voting: false },
    ],
    defaultItemMinutes: 15,
    bezwaar: { instantie: 'Bezwaarcommissie van het samenwerkingsverband', adres: '', weeks: 6 },
    afzender: associationName,
  };
}

export interface CommissionDeps {
  now: () => Date;
  actorId: () => string | null;
  actorName: () => string;
  associationName: () => string;
  linked: () => boolean;
  tlv: TlvRepo;
  arrangements: ArrangementRepo;
  budgets: BudgetRepo;
}

export function commissionRepo(sqlite: Database.Database, deps: CommissionDeps) {
  const q = {
    get: sqlite.prepare<[string], string>('SELECT value FROM association_settings WHERE key = ?').pluck(),
    put: sqlite.prepare(`INSERT INTO association_settings (key, value, updated_at) VALUES (?, ?, ?)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
  };

  // The row is read every time (sync may bring another device's settings at any moment) but parsed
  // only when it changed: the inbox asks once per case.
  let cached: { key: string; value: CommissionSettings } | null = null;
  function settings(): CommissionSettings {
    const name = deps.associationName();
    const raw = q.get.get('commission');
    const key = `${name}\n${raw ?? ''}`;
    if (cached?.key === key) return cached.value;
    const defaults = defaultCommissionSettings(name);
    const stored = raw ? (JSON.parse(raw) as Partial<CommissionSettings>) : {};
    const value = { ...defaults, ...stored, rules: { ...defaults.rules, ...stored.rules }, bezwaar: { ...defaults.bezwaar, ...stored.bezwaar } };
    cached = { key, value };
    return value;
  }

  const subjects = subjectReader(sqlite, { ...deps, settings });
  const meetings = meetingStore(sqlite, { now: deps.now, settings, subjects });
  const decisions = decisionWriter(sqlite, {
    ...deps, subjects, meetings, pattern: () => settings().tlvNumberPattern, pool: tlvNumberPool(sqlite, deps.now),
  });

  return {
    settings,
    saveSettings(next: CommissionSettings): CommissionSettings {
      sqlite.transaction(() => q.put.run('commission', JSON.stringify(next), deps.now().toISOString()))();
      return settings();
    },
    inbox: subjects.inbox,
    meetings,
    decisions,
  };
}
export type CommissionRepo = ReturnType<typeof commissionRepo>;
