import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { cityToday, formatDateTime, parseApiDateTime, toApiDateTime } from './dates';

describe('dates', () => {
  it('sends ISO-8601 with a colon in the offset (what OffsetDateTime parameters accept)', () => {
    expect(toApiDateTime(dayjs('2026-11-27T08:00:00.000'))).toMatch(/^2026-11-27T08:00:00\.000[+-]\d{2}:\d{2}$/);
  });

  it('reads the offsets the server may send: +0800, +08:00 and Z', () => {
    const a = parseApiDateTime('2026-11-27T08:00:00.000+0800');
    const b = parseApiDateTime('2026-11-27T08:00:00.000+08:00');
    const c = parseApiDateTime('2026-11-27T00:00:00.000Z');
    expect(a?.valueOf()).toBe(Date.UTC(2026, 10, 27, 0, 0, 0));
    expect(b?.valueOf()).toBe(a?.valueOf());
    expect(c?.valueOf()).toBe(a?.valueOf());
  });

  it('shows a dash for missing or unreadable dates', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it("takes today's date in the city (UTC+8), not in the browser's zone", () => {
    expect(cityToday(Date.parse('2026-11-27T16:02:00Z')).format('YYYY-MM-DD')).toBe('2026-11-28');
    expect(cityToday(Date.parse('2026-11-27T15:59:00Z')).format('YYYY-MM-DD')).toBe('2026-11-27');
    expect(cityToday(Date.parse('2026-12-31T17:00:00Z')).format('YYYY-MM-DD')).toBe('2027-01-01');
  });
});
