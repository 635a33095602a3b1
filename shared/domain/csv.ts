// A small RFC 4180 reader for school lists exported from spreadsheets: UTF-8 with or without BOM,
// `;` or `,` as separator (detected from the header line), quoted fields with "" escapes, CRLF or LF.
import { z } from 'zod';
import { brinSchema, issuesOf, requiredText, trimmed } from './validation.js';

export interface CsvRow {
  /** 1-based line number in the file where the row starts (header is line 1). */
  line: number;
  cells: string[];
}
export interface LineIssue {
  line: number;
  path: string;
  key: string;
}

export function detectSeparator(headerLine: string): ';' | ',' {
  const count = (ch: string) => headerLine.split(ch).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

/** Splits text into rows of cells. A quote left open at the end is reported on the row where it opened. */
export function parseCsv(text: string): { rows: CsvRow[]; separator: ';' | ','; issues: LineIssue[] } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const separator = detectSeparator(firstLine);
  const rows: CsvRow[] = [];
  const issues: LineIssue[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      inQuotes = true;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (inQuotes) issues.push({ line: rowLine, path: '', key: 'csv_quote' });
  else if (cell !== '' || cells.length > 0) endRow();
  return { rows, separator, issues };
}

const HEADER_ALIASES: Record<string, 'name' | 'brin' | 'place' | 'werkgebied'> = {
  naam: 'name', schoolnaam: 'name', school: 'name', name: 'name',
  brin: 'brin', brincode: 'brin', 'brin-code': 'brin',
  plaats: 'place', vestigingsplaats: 'place', place: 'place', woonplaats: 'place',
  werkgebied: 'werkgebied', region: 'werkgebied',
};

export const schoolCsvRowSchema = z.object({
  name: requiredText(200),
  brin: brinSchema,
  place: trimmed(120),
  werkgebied: z.string().trim().min(1, { message: 'werkgebied_required' }).max(120, { message: 'too_long' }),
});
export type SchoolCsvRow = z.output<typeof schoolCsvRowSchema> & { line: number };

/** Reads and validates a whole school list. Either every row is valid, or the issues say what to fix. */
export function readSchoolCsv(text: string): { rows: SchoolCsvRow[]; issues: LineIssue[] } {
  const parsed = parseCsv(text);
  const issues = [...parsed.issues];
  const [header, ...body] = parsed.rows;
  if (!header) return { rows: [], issues: [{ line: 1, path: '', key: 'csv_empty' }] };
  const columns = header.cells.map((c) => HEADER_ALIASES[c.trim().toLowerCase()]);
  const index = (k: 'name' | 'brin' | 'place' | 'werkgebied') => columns.indexOf(k);
  if (['name', 'brin', 'werkgebied'].some((k) => index(k as 'name') < 0)) {
    return { rows: [], issues: [{ line: header.line, path: '', key: 'csv_header' }] };
  }
  if (body.length === 0) issues.push({ line: 2, path: '', key: 'csv_empty' });
  const rows: SchoolCsvRow[] = [];
  const seenBrin = new Map<string, number>();
  for (const r of body) {
    if (r.cells.length !== header.cells.length) {
      issues.push({ line: r.line, path: '', key: 'csv_columns' });
      continue;
    }
    const get = (k: 'name' | 'brin' | 'place' | 'werkgebied') => (index(k) >= 0 ? r.cells[index(k)]! : '');
    const result = schoolCsvRowSchema.safeParse({ name: get('name'), brin: get('brin'), place: get('place'), werkgebied: get('werkgebied') });
    if (!result.success) {
      for (const i of issuesOf(result.error)) issues.push({ line: r.line, ...i });
      continue;
    }
    const earlier = seenBrin.get(result.data.brin);
    if (earlier !== undefined) {
      issues.push({ line: r.line, path: 'brin', key: 'brin_duplicate_in_file' });
      continue;
    }
    seenBrin.set(result.data.brin, r.line);
    rows.push({ ...result.data, line: r.line });
  }
  return { rows, issues };
}
