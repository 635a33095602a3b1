// What every generated PDF needs besides its data: the association's name, the time, the fonts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PdfContext } from '../pdf/types.js';
import type { HandlerContext } from './index.js';

/**
 * The fonts found from the migrations folder: dist/fonts beside dist/migrations in a build,
 * resources/fonts beside db/migrations in a checkout. (Not `import.meta`: the Electron core bundle
 * is CommonJS, where it is empty.)
 */
export function fontsBeside(migrationsFolder: string): string {
  const built = join(migrationsFolder, '../fonts');
  return existsSync(built) ? built : join(migrationsFolder, '../../resources/fonts');
}

export function pdfContext({ repos, now, fontsDir }: HandlerContext): PdfContext {
  return { associationName: repos.settings.profile()?.associationName ?? '', generatedAt: now(), fontsDir: fontsDir ?? join(process.cwd(), 'resources/fonts') };
}

/** Loaded on first use: pdfkit and the fonts are not needed to start the app. */
export const loadRenderers = () => import('../pdf/index.js');

export const pdfResult = (filename: string, out: { bytes: Buffer; pages: number }) => ({
  filename, base64: out.bytes.toString('base64'), pages: out.pages,
});
