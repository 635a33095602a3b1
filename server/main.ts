// `npm run store`: the association's sync store. Configuration from flags or the environment:
//   --port / PORT (8787; 0 picks a free port), --host / HOST (127.0.0.1),
//   --store-dir / VELDWERK_STORE_DIR (./store-data, holds the SQLite file), DATABASE_URL (PostgreSQL),
//   TLS_CERT_FILE + TLS_KEY_FILE (serve https), VELDWERK_ALLOW_HTTP=1 (plain http to other machines
//   is allowed by the apps; logged as a warning), TRUST_PROXY=1 (behind a reverse proxy).
// Prints one line with the URL on stdout; logs are JSON lines on stderr. SIGINT/SIGTERM stop it
// gracefully: running requests finish, then the database closes.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createStore } from './core/store.js';
import { createLogger } from './log.js';
import { startStoreServer, type StoreServer } from './http/server.js';
import { storeLocation } from './http/store-env.js';

const USAGE = `Usage: npm run store -- [--port N] [--host ADDR] [--store-dir DIR]

Environment:
  PORT                  port to listen on (default 8787; 0 = any free port)
  HOST                  address to listen on (default 127.0.0.1)
  VELDWERK_STORE_DIR    folder of the SQLite database (default ./store-data)
  DATABASE_URL          postgres://… — use PostgreSQL instead of SQLite
  TLS_CERT_FILE, TLS_KEY_FILE   PEM files: serve https directly
  VELDWERK_ALLOW_HTTP=1 apps may use plain http to this store from other machines
  TRUST_PROXY=1         behind a reverse proxy: rate-limit by X-Forwarded-For
  LOG_LEVEL             pino level (default info)`;

const err = (line: string): void => void process.stderr.write(`${line}\n`);
const truthy = (v: string | undefined): boolean => v === '1' || v === 'true' || v === 'yes';

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'store-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    err(e instanceof Error ? e.message : String(e));
    err(USAGE);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const rawPort = (values.port as string | undefined) ?? process.env.PORT ?? '8787';
  if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65535) {
    err(`Invalid port: ${rawPort}`);
    return 2;
  }
  const host = (values.host as string | undefined) ?? process.env.HOST ?? '127.0.0.1';
  const certFile = process.env.TLS_CERT_FILE;
  const keyFile = process.env.TLS_KEY_FILE;
  if (Boolean(certFile) !== Boolean(keyFile)) {
    err('Set both TLS_CERT_FILE and TLS_KEY_FILE, or neither');
    return 2;
  }
  const allowInsecureHttp = truthy(process.env.VELDWERK_ALLOW_HTTP);
  const log = createLogger();

  let tls: { cert: Buffer; key: Buffer } | undefined;
  try {
    if (certFile && keyFile) tls = { cert: readFileSync(certFile), key: readFileSync(keyFile) };
  } catch {
    err('Cannot read TLS_CERT_FILE or TLS_KEY_FILE');
    return 2;
  }

  const where = storeLocation(process.env, values['store-dir'] as string | undefined);
  let server: StoreServer;
  try {
    const store = await createStore({
      ...(where.databaseUrl ? { databaseUrl: where.databaseUrl } : { sqliteFile: where.sqliteFile! }),
    });
    try {
      server = await startStoreServer({
        store, host, port: Number(rawPort), allowInsecureHttp, trustProxy: truthy(process.env.TRUST_PROXY), logger: log,
        ...(tls ? { tls } : {}),
      });
    } catch (e) {
      await store.close();
      throw e;
    }
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    log.fatal({ errCode: code, errName: e instanceof Error ? e.name : 'unknown' }, code === 'EADDRINUSE' ? 'port in use' : 'store failed to start');
    log.flush();
    return 1;
  }

  if (allowInsecureHttp) log.warn('VELDWERK_ALLOW_HTTP=1: apps will sync over plain http from other machines (no encryption in transit)');
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  if (!tls && !loopback) log.warn({ host }, 'plain http on a non-loopback address: put a TLS reverse proxy in front');
  log.info({ database: where.databaseUrl ? 'postgres' : 'sqlite', url: server.url }, 'store started');
  process.stdout.write(`Veldwerk store listening on ${server.url}\n`);

  const running = server;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) {
        resolve(130); // a second signal: out now
        return;
      }
      stopping = true;
      log.info({ signal }, 'stopping');
      running.close().then(
        () => {
          log.info('stopped');
          resolve(0);
        },
        () => resolve(1),
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}

const code = await main();
process.exitCode = code;
// Exit explicitly: nothing left pending may keep a stopped store alive.
setTimeout(() => process.exit(code), 100).unref();
