import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Performance } from '../api/promotion';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

/** A performance score with where it came from: the grid-incident archive (with its rates) or the HR record. */
export function PerformanceCell({ id, score, source, performance }: {
  id: string;
  score: number | null | undefined;
  source: string | null | undefined;
  performance?: Performance;
}) {
  const { t } = useTranslation();
  if (score === null || score === undefined) return <>—</>;
  const tag = source ? (
    <Tag color={source === 'ARCHIVE' ? 'blue' : 'default'} data-testid={`perf-source-${id}`} style={{ marginLeft: 4 }}>
      {t(`promotion.performance.source.${source}`, { defaultValue: source })}
    </Tag>
  ) : null;
  return (
    <span data-testid={`perf-${id}`}>
      {Number(score).toFixed(2)}
      {performance?.source === 'ARCHIVE' ? (
        <Tooltip
          title={t('promotion.performance.rates', {
            events: performance.events,
            closure: pct(performance.closureRate),
            timeliness: pct(performance.timelinessRate),
            satisfaction: pct(performance.satisfactionRate),
          })}
        >
          {tag}
        </Tooltip>
      ) : (
        tag
      )}
    </span>
  );
}
