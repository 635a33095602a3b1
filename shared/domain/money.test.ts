import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEuro, lineCostCents, parseDecimal, totalCents, type CostLine } from './money.js';

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
const line = fc.record({
  unit: fc.constantFrom('uur' as const, 'vast' as const),
  hoursPerWeekCenti: fc.integer({ min: 0, max: 6000 }),
  weeks: fc.integer({ min: 0, max: 104 }),
  rateCents: fc.integer({ min: 0, max: 100_000_00 }),
});

describe('money', () => {
  it('parses Dutch and plain decimals', () => {
    expect(parseDecimal('2,5', 2)).toBe(250);
    expect(parseDecimal('1.234,56', 2)).toBe(123456);
    expect(parseDecimal('1234.56', 2)).toBe(123456);
    expect(parseDecimal(' 1 234,5 ', 2)).toBe(123450);
    expect(parseDecimal('12', 2)).toBe(1200);
    expect(parseDecimal(',5', 2)).toBeNull();
    expect(parseDecimal('1.23,4', 2)).toBeNull();
    expect(parseDecimal('1.234', 2)).toBeNull(); // no comma: the dot is decimal, 3 digits > 2
    expect(parseDecimal('1,234', 2)).toBeNull();
    expect(parseDecimal('-5', 2)).toBeNull();
    expect(parseDecimal('abc', 2)).toBeNull();
    expect(parseDecimal('', 2)).toBeNull();
  });

  it('computes hour lines half-up with integers', () => {
    // 2,5 h × 10 weeks × € 65,33 = € 1.633,25
    expect(lineCostCents({ unit: 'uur', hoursPerWeekCenti: 250, weeks: 10, rateCents: 6533 })).toBe(163325);
    // 0,01 h × 1 × € 0,50 = 0,5 cent → 1 cent (half-up); 0,49 cent → 0
    expect(lineCostCents({ unit: 'uur', hoursPerWeekCenti: 1, weeks: 1, rateCents: 50 })).toBe(1);
    expect(lineCostCents({ unit: 'uur', hoursPerWeekCenti: 1, weeks: 1, rateCents: 49 })).toBe(0);
    expect(lineCostCents({ unit: 'vast', hoursPerWeekCenti: 999, weeks: 9, rateCents: 12345 })).toBe(12345);
  });

  it('formats euros nl-NL and en-GB', () => {
    expect(nbsp(formatEuro(123456))).toBe('€ 1.234,56');
    expect(nbsp(formatEuro(5))).toBe('€ 0,05');
    expect(nbsp(formatEuro(-50))).toBe('€ -0,50');
    expect(formatEuro(123456, 'en')).toBe('€1,234.56');
    expect(nbsp(formatEuro(900_719_925_474_099))).toBe('€ 9.007.199.254.740,99');
  });

  it('property: the total is the sum of the lines', () => {
    fc.assert(fc.property(fc.array(line, { maxLength: 20 }), (lines: CostLine[]) => {
      expect(totalCents(lines)).toBe(lines.reduce((s, l) => s + lineCostCents(l), 0));
    }));
  });

  it('property: rounding is half-up of the exact product', () => {
    fc.assert(fc.property(line, (l) => {
      if (l.unit === 'vast') return;
      const exact = BigInt(l.hoursPerWeekCenti) * BigInt(l.weeks) * BigInt(l.rateCents); // in 1/100 cent
      const c = BigInt(lineCostCents(l));
      expect(c * 100n - exact <= 50n && exact - c * 100n < 50n).toBe(true);
    }));
  });

  it('property: format → parse round-trips', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (c) => {
      const shown = formatEuro(c).replace(/[€\s\u00a0]/g, '');
      expect(parseDecimal(shown, 2)).toBe(c);
      expect(parseDecimal(formatEuro(c, 'en').replace(/[€,]/g, ''), 2)).toBe(c);
    }));
  });
});
