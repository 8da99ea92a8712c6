import { describe, expect, it } from 'vitest';
import { kindWarning, selectableYears } from './calendarRules';

describe('calendar entry hints', () => {
  it('flags a make-up working day that falls on a weekday', () => {
    expect(kindWarning('2026-10-09', 'WORKDAY')).toBe('workdayOnWeekday'); // a Friday
    expect(kindWarning('2026-10-10', 'WORKDAY')).toBeUndefined(); // the National Day make-up Saturday
  });

  it('flags a holiday on a weekend as a hint only', () => {
    expect(kindWarning('2026-10-03', 'HOLIDAY')).toBe('holidayOnWeekend'); // a Saturday
    expect(kindWarning('2026-10-01', 'HOLIDAY')).toBeUndefined(); // a Thursday
  });

  it('says nothing before both date and kind are chosen', () => {
    expect(kindWarning(undefined, 'HOLIDAY')).toBeUndefined();
    expect(kindWarning('2026-10-10', undefined)).toBeUndefined();
  });

  it('offers last year to two years ahead', () => {
    expect(selectableYears(2026)).toEqual([2025, 2026, 2027, 2028]);
  });
});
