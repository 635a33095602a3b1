// Electron main process: one window on app://veldwerk/, the core in a utilityProcess, and the
// security defaults of design.md. Logic worth testing lives in the modules imported below.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, shell, utilityProcess } from 'electron';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { message } from '../shared/i18n/index.js';
import { APP_INDEX_URL, APP_SCHEME } from './app-url.js';
import { errorEnvelope } from './core-channel.js';
import { createCoreClient, type CoreClient } from './core-client.js';
import { applyGuards } from './guards.js';
import { registerContract } from './ipc.js';
import { resolveDataKey } from './key-store.js';
import { buildMenuTemplate } from './menu.js';
import { createAppHandler } from './protocol.js';

// dist/electron/main.cjs: the renderer, preload, core entry and migrations sit beside it, inside
// app.asar when packaged.
const distDir = join(__dirname, '..');
const rendererDir = join(distDir, 'renderer');
const preloadFile = join(__dirname, 'preload.cjs');
const coreEntry = join(__dirname, 'core-process.cjs');
const migrationsFolder = join(distDir, 'migrations');
const MAX_CORE_RESTARTS = 3;
/** Folder under the OS's app-data dir; fixed so dev runs and packaged builds find the same data. */
const DATA_FOLDER = 'Veldwerk';

const log = (line: string) => console.error(line);

// Before the single-instance lock, which is keyed on this path.
app.setPath('userData', join(app.getPath('appData'), DATA_FOLDER));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Every renderer sandboxed, whatever a future window forgets to set.
  app.enableSandbox();
  // Before `ready`: a standard, secure scheme gets an origin, so CSP 'self' and fetch work.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  app.on('web-contents-created', (_event, contents) => {
    applyGuards(contents, { openExternal: (url) => shell.openExternal(url), log });
  });
  void app.whenReady().then(start);
}

let mainWindow: BrowserWindow | null = null;
let core: CoreClient | null = null;
let coreInit: Parameters<typeof createCoreClient>[1]['init'] | null = null;
let restarts = 0;
let quitting = false;
let coreStopped = false;

function showCoreFailure(): void {
  dialog.showErrorBox(message('shell.dialogs.core_failed_title'), message('shell.dialogs.core_failed'));
}

function startCore(): void {
  if (!coreInit) return;
  const child = utilityProcess.fork(coreEntry, [], { serviceName: 'Veldwerk core', stdio: 'inherit' });
  core = createCoreClient(
    {
      postMessage: (msg) => child.postMessage(msg),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', listener),
      kill: () => void child.kill(),
    },
    {
      init: coreInit,
      onReady: (ok) => {
        if (!ok) showCoreFailure();
      },
      onUnexpectedExit: (code) => {
        log(`[main] core exited unexpectedly (code ${code})`);
        if (quitting) return;
        // A crash loses no committed data; restart a few times, then tell the user.
        if (restarts++ < MAX_CORE_RESTARTS) startCore();
        else showCoreFailure();
      },
    },
  );
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    title: message('shell.window_title'),
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // Middle-click must not open links in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_INDEX_URL);
}

function start(): void {
  protocol.handle(APP_SCHEME, createAppHandler({ rootDir: rendererDir, readFile: (file) => readFile(file) }));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', isDev: !app.isPackaged })),
  );

  const dataDir = app.getPath('userData');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = resolveDataKey({ dataDir, platform: process.platform, safeStorage, fs, randomBytes });
  log(`[main] database key protection: ${key.protection}${key.protection === 'passphrase' ? ` (${key.reason})` : ''}`);
  coreInit = { dataDir, migrationsFolder, ...(key.protection === 'os' ? { dataKeyHex: key.dataKeyHex } : {}) };
  startCore();

  registerContract(ipcMain, {
    call: (method, input) => core?.call(method, input) ?? Promise.resolve(errorEnvelope('internal')),
    log,
  });
  createWindow();
}

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

app.on('activate', () => {
  if (app.isReady() && !mainWindow && BrowserWindow.getAllWindows().length === 0) createWindow();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Hold the quit until the core has finished running calls and closed the database.
app.on('before-quit', (event) => {
  quitting = true;
  if (coreStopped || !core) return;
  event.preventDefault();
  void core.stop().finally(() => {
    coreStopped = true;
    app.quit();
  });
});
