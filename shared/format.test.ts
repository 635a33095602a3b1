import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeShort, formatNumber, formatTime } from './format.js';

describe('format (nl-NL / en-GB, Europe/Amsterdam)', () => {
  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2016-03-04')).toBe('4 maart 2016');
    expect(formatDate('2016-03-04', 'nl', 'short')).toBe('04-03-2016');
    expect(formatDate('2016-03-04', 'en')).toBe('4 March 2016');
    expect(formatDate('2016-03-04', 'en', 'short')).toBe('04/03/2016');
    expect(formatDate('not a date')).toBe('');
  });

  it('shows instants in Amsterdam time, summer and winter', () => {
    expect(formatTime('2024-06-01T12:32:00.000Z')).toBe('14:32');
    expect(formatTime('2024-01-15T12:32:00.000Z')).toBe('13:32');
    expect(formatTime('2024-01-15T23:30:00.000Z', 'en')).toBe('00:30');
    expect(formatDateTime('2024-06-01T12:32:00.000Z')).toBe('1 juni 2024 om 14:32');
    expect(formatDateTime('2024-06-01T12:32:00.000Z', 'en')).toBe('1 June 2024 at 14:32');
    expect(formatDateTimeShort('2024-01-15T23:30:00.000Z')).toBe('16-01-2024 00:30');
  });

  it('groups thousands the Dutch way', () => {
    expect(formatNumber(3000)).toBe('3.000');
    expect(formatNumber(10_000, 'en')).toBe('10,000');
  });
});
