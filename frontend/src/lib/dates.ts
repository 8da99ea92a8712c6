import dayjs, { type Dayjs } from 'dayjs';

/**
 * ISO-8601 with an offset, e.g. 2026-11-27T08:00:00.000+08:00. The colon matters: the server
 * binds these to OffsetDateTime with ISO_DATE_TIME, which rejects the "+0800" form.
 */
export function toApiDateTime(value: Dayjs): string {
  return value.format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

/**
 * Today in the city (Asia/Shanghai, UTC+8 all year), whatever the browser's zone: the server counts report days
 * there, so a browser elsewhere (or a headless one on UTC) must not ask for "yesterday" between 16:00 and 24:00 UTC.
 */
export function cityToday(now: number = Date.now()): Dayjs {
  return dayjs(new Date(now + 8 * 3_600_000).toISOString().slice(0, 10));
}

export function parseApiDateTime(value: string | null | undefined): Dayjs | undefined {
  if (!value) return undefined;
  // The contract shows "+0800"; dayjs' default parser only knows "+08:00" (and "Z").
  const normalized = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = dayjs(normalized);
  return parsed.isValid() ? parsed : undefined;
}

export function formatDateTime(value: string | null | undefined): string {
  const parsed = parseApiDateTime(value);
  return parsed ? parsed.format('YYYY-MM-DD HH:mm') : '—';
}

/** Table cells: the year only when it is not the current one, to keep columns narrow. */
export function formatDateTimeShort(value: string | null | undefined): string {
  const parsed = parseApiDateTime(value);
  if (!parsed) return '—';
  return parsed.format(parsed.year() === dayjs().year() ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm');
}
