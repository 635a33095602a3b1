// Searching and verifying the audit log: the privacy officer's screen (who may: shared/contract/roles.ts).
import { auditRepo, sha256Hex } from '../../db/repos/audit.js';
import { verifyAuditChains } from '../../shared/domain/audit-chain.js';
import type { Handler, HandlerContext } from './index.js';

/** UTC instant of 00:00 of a day in Europe/Amsterdam (the days the screen shows). */
export function amsterdamDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - guess;
  return new Date(guess - offset).toISOString();
}
const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function auditHandlers({ local, now }: HandlerContext) {
  const audit = auditRepo(local.sqlite, now);
  return {
    'audit:search': (f) => {
      return audit.search({
        ...(f.userId ? { userId: f.userId } : {}), ...(f.action ? { action: f.action } : {}),
        ...(f.entityId ? { entityId: f.entityId } : {}),
        ...(f.from ? { fromAt: amsterdamDayStart(f.from) } : {}), ...(f.to ? { toAt: amsterdamDayStart(nextDay(f.to)) } : {}),
        offset: f.offset, limit: f.limit,
      });
    },
    'audit:verify': () => {
      const rows = audit.all();
      const breaks = verifyAuditChains(rows, sha256Hex);
      return { ok: breaks.length === 0, devices: new Set(rows.map((r) => r.device_id)).size, events: rows.length, breaks };
    },
  } satisfies { [K in 'audit:search' | 'audit:verify']: Handler<K> };
}
