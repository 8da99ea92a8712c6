import type { TFunction } from 'i18next';
import type { Rate } from '../api/metrics';

export function formatRate(rate: Rate | undefined): string {
  if (!rate || rate.rate === null) return '—';
  return `${(rate.rate * 100).toFixed(1)}%`;
}

export function formatMinutes(minutes: number | null | undefined, t: TFunction): string {
  if (minutes === null || minutes === undefined) return '—';
  const m = Math.round(minutes);
  if (m < 60) return t('dashboard.duration.minutes', { m });
  if (m < 24 * 60) return t('dashboard.duration.hours', { h: Math.floor(m / 60), m: m % 60 });
  return t('dashboard.duration.days', { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
}

export function formatMillis(ms: number | null | undefined, t: TFunction): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 60_000) return t('dashboard.duration.seconds', { s: Math.round(ms / 1000) });
  return formatMinutes(ms / 60_000, t);
}
