// Test helper: text and metadata of a rendered PDF via poppler-utils (pdftotext, pdfinfo).
// Missing tools skip the PDF content tests loudly, but fail them on CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;

if (!hasPoppler) {
  const msg = 'pdftotext (poppler-utils) is not installed: the PDF content tests are SKIPPED.';
  if (process.env.CI === 'true') throw new Error(`${msg} Install poppler-utils on CI.`);
  console.warn(`\n*** ${msg} ***\n`);
}

function withFile<T>(bytes: Buffer, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout;
}

/** `layout` keeps the visual lines (columns side by side); `raw` keeps drawing order (a table cell stays whole). */
export function pdfText(bytes: Buffer, mode: 'layout' | 'raw' = 'layout'): string {
  return withFile(bytes, (file) => run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-']));
}

export function pdfInfo(bytes: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of withFile(bytes, (file) => run('pdfinfo', ['-enc', 'UTF-8', file])).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1]) out[m[1].trim()] = m[2] ?? '';
  }
  return out;
}

/** Whitespace collapsed and line-end hyphen breaks ("time-\ntimer") joined, on both sides of a comparison. */
export function flat(s: string): string {
  return s.replace(/-\s+/g, '-').replace(/\s+/g, ' ').trim();
}

/** Each word with its box height in points (pdftotext -bbox): a check on the printed type size. */
export function wordHeights(bytes: Buffer): { word: string; height: number }[] {
  const html = withFile(bytes, (file) => run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']));
  const out: { word: string; height: number }[] = [];
  for (const m of html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    out.push({ word: m[3] ?? '', height: Number(m[2]) - Number(m[1]) });
  }
  return out;
}
