// Money as integer cents, hours as integer hundredths: exact, no floats. Rounding is half-up
// (all amounts are non-negative), done in BigInt so products never lose precision.
import { localeOf, type FormatLang } from '../format.js';

/**
 * Dutch-first decimal input → integer scaled by 10^decimals, or null.
 * Rules: spaces ignored; no sign (negative amounts are not entered). With a comma, the comma is
 * the decimal separator and dots are thousands separators, allowed only in groups of 3
 * ("1.234,56"). Without a comma, a single dot is the decimal separator ("1234.56", "2.5").
 * More fraction digits than `decimals` → null (no silent rounding of what the user typed).
 */
export function parseDecimal(text: string, decimals: number): number | null {
  const s = text.replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  let intPart: string;
  let frac: string;
  if (s.includes(',')) {
    const m = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d*)$/.exec(s);
    if (!m) return null;
    intPart = m[1]!.replace(/\./g, '');
    frac = m[2]!;
  } else {
    const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
    if (!m) return null;
    intPart = m[1]!;
    frac = m[2] ?? '';
  }
  if (frac.length > decimals) return null;
  const value = BigInt(intPart) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(value);
}

export const INZET_UNITS = ['uur', 'vast'] as const;
export type InzetUnit = (typeof INZET_UNITS)[number];

export interface CostLine {
  unit: InzetUnit;
  /** Hundredths of an hour per week (2,5 uur → 250). Ignored for `vast`. */
  hoursPerWeekCenti: number;
  weeks: number;
  /** Per hour for `uur`; the fixed amount for `vast`. */
  rateCents: number;
}

/** `uur`: hours × weeks × rate, half-up to the cent; `vast`: the amount itself. */
export function lineCostCents(line: CostLine): number {
  if (line.unit === 'vast') return line.rateCents;
  const n = BigInt(line.hoursPerWeekCenti) * BigInt(line.weeks) * BigInt(line.rateCents);
  return Number((n + 50n) / 100n);
}

export const totalCents = (lines: readonly CostLine[]): number => lines.reduce((s, l) => s + lineCostCents(l), 0);

/** round(a × b / c) half-up for non-negative integers, exact. */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  if (c === 0) return 0;
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((2n * n + d) / (2n * d));
}

const euro = new Map<string, Intl.NumberFormat>();
/** 123456 → `€ 1.234,56` (nl; with a no-break space) / `€1,234.56` (en). */
export function formatEuro(cents: number, lang: FormatLang | string = 'nl'): string {
  let f = euro.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency: 'EUR' });
    euro.set(lang, f);
  }
  const neg = cents < 0; // -0 keeps its sign in Intl, so -50 cents shows as € -0,50
  const abs = Math.abs(cents);
  // Format the integer euros and the cents separately so large amounts stay exact.
  const whole = f.formatToParts(neg ? -Math.trunc(abs / 100) : Math.trunc(abs / 100));
  const sep = f.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? ',';
  const out = whole
    .map((p) => (p.type === 'fraction' ? String(abs % 100).padStart(2, '0') : p.type === 'decimal' ? sep : p.value))
    .join('');
  return out;
}

/** Hundredths → `2,5` (nl) for input fields; trailing zeros dropped. */
export function formatDecimal(value: number, decimals: number, lang: FormatLang | string = 'nl'): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: decimals, useGrouping: false }).format(
    value / 10 ** decimals,
  );
}
