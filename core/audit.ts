// Records an audit event after every successful audited contract call (shared/contract/audit-rules.ts):
// who (the profile's user), what (action, method, record ids, field names), when (the core clock) and
// on which device — never the content. One prepared INSERT per event (db/repos/audit.ts).
import type Database from 'better-sqlite3';
import { AUDITED, type AuditRule } from '../shared/contract/audit-rules.js';
import type { Method } from '../shared/contract/index.js';
import { auditRepo } from '../db/repos/audit.js';
import { CoreError } from './errors.js';

/** Reading or handing out data: when its event cannot be written, the caller gets an error, not the data. */
const FAIL_CLOSED = new Set(['view', 'pdf', 'export', 'audit']);

export interface AuditRecorder {
  record(method: Method, input: unknown, output: unknown): void;
}

export function createAuditRecorder(sqlite: Database.Database, now: () => Date, log: (line: string) => void): AuditRecorder {
  const repo = auditRepo(sqlite, now);
  return {
    record(method, input, output) {
      const rule = AUDITED[method] as AuditRule<Method> | undefined;
      if (!rule) return;
      let action: ReturnType<Exclude<AuditRule<Method>['action'], string>> = null;
      try {
        action = typeof rule.action === 'function' ? rule.action(input as never, output as never) : rule.action;
        if (!action) return;
        const subject = rule.subject(input as never, output as never);
        repo.append({
          action, method, entity: subject.entity, entityId: subject.id ?? null, dossierId: subject.dossierId ?? null,
          detail: rule.detail ? rule.detail(input as never, output as never) : {},
        });
      } catch (err) {
        // The method and the error's kind only: no personal data in logs.
        log(`[core] audit ${method} not recorded: ${err instanceof Error ? err.name : typeof err}`);
        if (action && FAIL_CLOSED.has(action)) throw new CoreError('internal');
      }
    },
  };
}
