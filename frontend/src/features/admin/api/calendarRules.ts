import dayjs from 'dayjs';
import type { DayKind } from './admin';

export type KindWarning = 'workdayOnWeekday' | 'holidayOnWeekend';

/**
 * A day that changes nothing: 调休上班 (WORKDAY) only matters on a Saturday or Sunday, a holiday on a weekend is
 * already off (but official schedules list them, e.g. Spring Festival's Saturday, so it is only a hint).
 */
export function kindWarning(date: string | undefined, kind: DayKind | undefined): KindWarning | undefined {
  if (!date || !kind) return undefined;
  const weekday = dayjs(date).day();
  const weekend = weekday === 0 || weekday === 6;
  if (kind === 'WORKDAY' && !weekend) return 'workdayOnWeekday';
  if (kind === 'HOLIDAY' && weekend) return 'holidayOnWeekend';
  return undefined;
}

/** Years offered by the calendar screen: the table holds official schedules, published a year ahead. */
export function selectableYears(now: number): number[] {
  return [now - 1, now, now + 1, now + 2];
}
