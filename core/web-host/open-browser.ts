// `--open`: hand the URL to the desktop's default browser, if the machine has a way to. A server,
// container or CI machine has none; then the user gets a hint and the host keeps running.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

type Env = Record<string, string | undefined>;

/** The first executable called `name` on PATH, or null. */
export function findOnPath(name: string, env: Env = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = join(dir, name + ext);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** The command that opens a URL on this platform, or null when there is none. */
export function openerFor(url: string, platform: NodeJS.Platform = process.platform, env: Env = process.env): { cmd: string; args: string[] } | null {
  if (platform === 'win32') {
    // `start` is built into cmd; the empty "" is the window title. Our URLs contain no cmd metacharacters.
    return { cmd: env.ComSpec || 'cmd.exe', args: ['/d', '/s', '/c', `start "" "${url}"`] };
  }
  const cmd = platform === 'darwin' ? 'open' : 'xdg-open';
  if (!findOnPath(cmd, env, platform)) return null;
  if (platform !== 'darwin' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { cmd, args: [url] };
}

/**
 * Tries to open `url`; calls `onFail` (once, at most) when that is impossible or the opener fails.
 * Never throws: a missing browser must not stop the host.
 */
export function openBrowser(url: string, onFail: () => void, platform: NodeJS.Platform = process.platform, env: Env = process.env): void {
  let failed = false;
  const fail = (): void => {
    if (!failed) onFail();
    failed = true;
  };
  const opener = openerFor(url, platform, env);
  if (!opener) return fail();
  try {
    const child = spawn(opener.cmd, opener.args, {
      detached: true,
      stdio: 'ignore',
      windowsVerbatimArguments: platform === 'win32',
    });
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code !== 0) fail();
    });
    child.unref();
  } catch {
    fail();
  }
}
