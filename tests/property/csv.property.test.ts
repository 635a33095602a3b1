import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/csv.js';

const cell = fc.string({ unit: fc.constantFrom('a', 'Ö', ' ', ';', ',', '"', '\n', '\r\n', 'x', 'é', '1') });
const quote = (c: string) => (/[;,"\r\n]/.test(c) || c.trim() !== c || c === '' ? `"${c.replace(/"/g, '""')}"` : c);

describe('CSV reader (property)', () => {
  it('reads back any table written with RFC 4180 quoting, with either separator, BOM and line ending', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(';', ','),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        (rows, sep, bom, eol) => {
          const width = rows[0]!.length;
          const table = [Array.from({ length: width }, (_, i) => `kolom${i}`), ...rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))];
          const text = (bom ? '\uFEFF' : '') + table.map((r) => r.map(quote).join(sep)).join(eol) + eol;
          const parsed = parseCsv(text);
          expect(parsed.issues).toEqual([]);
          expect(parsed.separator).toBe(sep);
          // Rows whose cells are all empty are skipped only when the row is a single empty cell.
          expect(parsed.rows.map((r) => r.cells)).toEqual(table);
        },
      ),
      { numRuns: 300 },
    );
  });
});
