// Calendar-day arithmetic on YYYY-MM-DD strings. Never ms/86400000 over local times: a DST day
// is one calendar day, whatever its length in hours.

/** Days since 1970-01-01 of a calendar date (UTC noon-free: Date.UTC has no DST). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export const addDays = (iso: string, days: number): string => fromDayNumber(dayNumber(iso) + days);
export const diffDays = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Same day n months later; clamps to the month's last day (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const addYears = (iso: string, years: number): string => addMonths(iso, years * 12);
export const yearOf = (iso: string): number => Number(iso.slice(0, 4));
export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);
