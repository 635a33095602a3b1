// The store's structured log (pino). Lines carry method, route template, status, duration, the
// client address and at most a short hash of the device id: never bodies, names, tokens or codes.
import { createHash } from 'node:crypto';
import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines to stderr (stdout stays free for the one line with the URL). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { svc: 'veldwerk-store' } }, pino.destination(2));
}

/** A logger that writes nothing (tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** First 8 hex characters of sha-256(deviceId): enough to follow one device through a log, not to name it. */
export function deviceTag(deviceId: string): string {
  return createHash('sha256').update(deviceId, 'utf8').digest('hex').slice(0, 8);
}
