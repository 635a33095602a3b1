// A throw-away PostgreSQL cluster for tests: initdb as the `postgres` user (initdb refuses root) in a
// fresh temp dir, on a free loopback port, stopped and removed when the tests end or the process exits.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether this machine has PostgreSQL's server binaries (tests then run on it as well). */
export const postgresAvailable = (): boolean => findBinDir() !== null;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export async function startPostgres(): Promise<TestPostgres | null> {
  const bin = findBinDir();
  if (!bin) {
    if (process.env.CI === 'true') throw new Error('PostgreSQL binaries missing under /usr/lib/postgresql: CI must test the store on PostgreSQL');
    console.warn('!!! PostgreSQL ontbreekt: store-tests op PostgreSQL overgeslagen');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  const pgUid = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : -1;
  if (asRoot) chownSync(dir, pgUid, -1);
  const sh = (cmd: string) =>
    asRoot ? execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', cmd], { stdio: 'pipe' }) : execFileSync('/bin/bash', ['-c', cmd], { stdio: 'pipe' });
  const port = await freePort();
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      sh(`${quote(join(bin, 'pg_ctl'))} -D ${quote(data)} stop -m immediate -w`);
    } catch {
      // already down
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stopSync);
  try {
    sh(`${quote(join(bin, 'initdb'))} -D ${quote(data)} -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null`);
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    sh(`${quote(join(bin, 'pg_ctl'))} -D ${quote(data)} -l ${quote(join(dir, 'log'))} -o ${quote(options)} -w -t 60 start >/dev/null`);
    sh(`${quote(join(bin, 'createdb'))} -h 127.0.0.1 -p ${port} -U postgres veldwerk_test`);
  } catch (err) {
    stopSync();
    throw err;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/veldwerk_test`,
    stop: async () => {
      process.off('exit', stopSync);
      stopSync();
    },
  };
}

/** A fresh, empty database in the cluster behind `url`; returns its URL. */
export async function freshDatabase(url: string): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `t_${Math.random().toString(36).slice(2, 12)}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return url.replace(/\/[^/]*$/, `/${name}`);
}
