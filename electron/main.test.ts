// Wiring test of electron/main.ts against a fake `electron` module (the real runtime cannot be
// installed here): start-up order, window security flags, IPC, the core process and quitting.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../shared/contract/index.js';

interface Fake {
  log: string[];
  app: EventEmitter;
  windows: { options: Record<string, unknown>; url?: string }[];
  handled: string[];
  children: (EventEmitter & { sent: unknown[]; kill: () => boolean })[];
  protocols: string[];
  ready: () => void;
  lock: boolean;
  userData: string;
}
let fake: Fake;

vi.mock('electron', async () => {
  // vi.mock is hoisted above the imports, so the factory loads what it needs itself.
  const { EventEmitter } = await import('node:events');
  const f = () => fake;
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => [];
    webContents = new EventEmitter();
    constructor(options: Record<string, unknown>) {
      super();
      f().windows.push({ options });
    }
    loadURL(url: string) {
      f().windows.at(-1)!.url = url;
      return Promise.resolve();
    }
  }
  return {
    get app() {
      return f().app;
    },
    BrowserWindow,
    dialog: { showErrorBox: () => f().log.push('errorBox') },
    ipcMain: { handle: (ch: string) => f().handled.push(ch) },
    Menu: { setApplicationMenu: () => f().log.push('menu'), buildFromTemplate: (t: unknown) => t },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => f().log.push(`privileged ${JSON.stringify(s)}`),
      handle: (scheme: string) => f().protocols.push(scheme),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    },
    shell: { openExternal: () => Promise.resolve() },
    utilityProcess: {
      fork: (modulePath: string) => {
        f().log.push(`fork ${modulePath.split(/[\\/]/).pop()}`);
        const child = Object.assign(new EventEmitter(), {
          sent: [] as unknown[],
          postMessage(m: unknown) {
            child.sent.push(m);
          },
          kill: () => child.emit('exit', 1),
        });
        f().children.push(child);
        return child;
      },
    },
  };
});

function makeFake(lock = true): Fake {
  let ready: () => void = () => {};
  const readyP = new Promise<void>((r) => (ready = r));
  const userData = mkdtempSync(join(tmpdir(), 'veldwerk-main-'));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setPath: (name: string) => fake.log.push(`setPath ${name}`),
    getPath: (name: string) => (name === 'userData' ? userData : tmpdir()),
    requestSingleInstanceLock: () => fake.lock,
    enableSandbox: () => fake.log.push('enableSandbox'),
    whenReady: () => readyP,
    isReady: () => true,
    quit: () => fake.log.push('quit'),
  });
  return { log: [], app, windows: [], handled: [], children: [], protocols: [], ready, lock, userData };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  vi.resetModules();
});
afterEach(() => rmSync(fake.userData, { recursive: true, force: true }));

describe('main process wiring', () => {
  it('registers the app scheme and the sandbox before ready, then sets up window, IPC and core', async () => {
    fake = makeFake();
    await import('./main.js');
    expect(fake.log).toContain('enableSandbox');
    expect(fake.log.find((l) => l.startsWith('privileged'))).toBe(
      'privileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]',
    );
    expect(fake.windows).toHaveLength(0);

    fake.ready();
    await flush();
    expect(fake.protocols).toEqual(['app']);
    expect(fake.handled.sort()).toEqual([...METHODS].sort());
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    expect(win.url).toBe('app://veldwerk/index.html');
    expect(win.options.title).toBe('Veldwerk');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);

    expect(fake.log).toContain('fork core-process.cjs');
    const init = fake.children[0]!.sent[0] as Record<string, string>;
    expect(init).toMatchObject({ type: 'init', dataDir: fake.userData });
    expect(init.migrationsFolder).toMatch(/[\\/]migrations$/);
    expect(init.dataKeyHex).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies the guards to every new webContents', async () => {
    fake = makeFake();
    await import('./main.js');
    const contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: vi.fn(),
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
    });
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('holds the quit until the core has shut down', async () => {
    fake = makeFake();
    await import('./main.js');
    fake.ready();
    await flush();
    const child = fake.children[0]!;
    const event = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(child.sent.at(-1)).toEqual({ type: 'shutdown' });
    expect(fake.log).not.toContain('quit');
    child.emit('exit', 0);
    await flush();
    expect(fake.log).toContain('quit');
    const again = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('restarts a crashed core', async () => {
    fake = makeFake();
    await import('./main.js');
    fake.ready();
    await flush();
    fake.children[0]!.emit('exit', 139);
    expect(fake.children).toHaveLength(2);
    expect(fake.children[1]!.sent[0]).toMatchObject({ type: 'init' });
  });

  it('a second instance quits without opening anything', async () => {
    fake = makeFake(false);
    await import('./main.js');
    fake.ready();
    await flush();
    expect(fake.log).toContain('quit');
    expect(fake.windows).toHaveLength(0);
    expect(fake.children).toHaveLength(0);
  });
});
