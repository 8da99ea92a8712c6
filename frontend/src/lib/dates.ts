import dayjs, { type Dayjs } from 'dayjs';

/**
 * ISO-8601 with an offset, e.g. 2026-11-27T08:00:00.000+08:00. The colon matters: the server
 * binds these to OffsetDateTime with ISO_DATE_TIME, which rejects the "+0800" form.
 */
export function toApiDateTime(value: Dayjs): string {
  return value.format('YYYY-MM-DDTHH:mm:ss.SSSZ');
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
