import { Alert, Card, Col, Flex, Row, Segmented, Spin, Statistic, Tooltip, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsFilter, Overview, Period, Rate, TrendPoint } from '../api/metrics';
import { useOverview, useTrend } from '../hooks/useMetrics';
import { EventListDrawer } from './EventListDrawer';
import { formatMinutes, formatRate } from './format';

interface FigureCardProps {
  id: string;
  title: string;
  value: string | number;
  detail?: string;
  figure: string;
  onOpen: (figure: string) => void;
  danger?: boolean;
}

function FigureCard({ id, title, value, detail, figure, onOpen, danger }: FigureCardProps) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('dashboard.figure.clickHint')}>
      <Card hoverable size="small" data-testid={`figure-${id}`} onClick={() => onOpen(figure)}>
        <Statistic title={title} value={value} styles={danger ? { content: { color: '#cf1322' } } : undefined} />
        {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
      </Card>
    </Tooltip>
  );
}

function RateCard({ id, title, rate, onOpen }: { id: string; title: string; rate: Rate; onOpen: (f: string) => void }) {
  const { t } = useTranslation();
  return (
    <FigureCard
      id={id}
      title={title}
      value={formatRate(rate)}
      detail={t('dashboard.figure.ofTotal', { numerator: rate.numerator, denominator: rate.denominator })}
      figure={rate.numeratorFigure}
      onOpen={onOpen}
    />
  );
}

function Cards({ o, onOpen }: { o: Overview; onOpen: (figure: string) => void }) {
  const { t } = useTranslation();
  const cards = [
    <FigureCard key="total" id="total" title={t('dashboard.figure.total')} value={o.total} figure="total" onOpen={onOpen} />,
    <FigureCard key="open" id="open" title={t('dashboard.figure.open')} value={o.open} figure="open" onOpen={onOpen} />,
    <FigureCard key="closed" id="closed" title={t('dashboard.figure.closed')} value={o.closed} figure="closed" onOpen={onOpen} />,
    <FigureCard key="overdue" id="overdue" title={t('dashboard.figure.overdue')} value={o.overdue} figure="overdue" onOpen={onOpen} danger={o.overdue > 0} />,
    <RateCard key="responseRate" id="responseRate" title={t('dashboard.figure.responseRate')} rate={o.responseRate} onOpen={onOpen} />,
    <RateCard key="onTimeRate" id="onTimeRate" title={t('dashboard.figure.onTimeRate')} rate={o.onTimeRate} onOpen={onOpen} />,
    <RateCard key="satisfactionRate" id="satisfactionRate" title={t('dashboard.figure.satisfactionRate')} rate={o.satisfactionRate} onOpen={onOpen} />,
    <RateCard key="reopenRate" id="reopenRate" title={t('dashboard.figure.reopenRate')} rate={o.reopenRate} onOpen={onOpen} />,
    <FigureCard key="avg" id="avgHandling" title={t('dashboard.figure.avgHandling')} value={formatMinutes(o.avgHandlingMinutes, t)} figure="closed" onOpen={onOpen} />,
    <FigureCard key="p90" id="p90Handling" title={t('dashboard.figure.p90Handling')} value={formatMinutes(o.p90HandlingMinutes, t)} figure="closed" onOpen={onOpen} />,
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={8} lg={6} xl={4}>
          {card}
        </Col>
      ))}
    </Row>
  );
}

const percent = (r: Rate) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10);

function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 50, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: points.map((p) => p.period) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: t('dashboard.trend.reported'), type: 'bar', data: points.map((p) => p.reported) },
      { name: t('dashboard.trend.closed'), type: 'bar', data: points.map((p) => p.closed) },
      { name: t('dashboard.trend.onTimeRate'), type: 'line', yAxisIndex: 1, connectNulls: true, data: points.map((p) => percent(p.onTimeRate)) },
      { name: t('dashboard.trend.satisfactionRate'), type: 'line', yAxisIndex: 1, connectNulls: true, data: points.map((p) => percent(p.satisfactionRate)) },
    ],
  };
  return <ReactECharts option={option} style={{ height: 320 }} notMerge />;
}

export function OverviewTab({ filter }: { filter: MetricsFilter }) {
  const { t } = useTranslation();
  const [figure, setFigure] = useState<string>();
  const [period, setPeriod] = useState<Period>('day');
  const overview = useOverview(filter);
  const trend = useTrend(filter, period);
  return (
    <Flex vertical gap={16}>
      {overview.isError && <Alert type="error" showIcon title={overview.error.message} />}
      {overview.isPending ? <Spin /> : overview.data && <Cards o={overview.data} onOpen={setFigure} />}
      <Card
        size="small"
        title={t('dashboard.trend.title')}
        extra={
          <Segmented<Period>
            data-testid="trend-period"
            value={period}
            onChange={setPeriod}
            options={(['day', 'week', 'month'] as const).map((p) => ({ value: p, label: t(`dashboard.trend.${p}`) }))}
          />
        }
      >
        {trend.isError && <Alert type="error" showIcon title={trend.error.message} />}
        {trend.data && <TrendChart points={trend.data} />}
      </Card>
      <EventListDrawer filter={filter} figure={figure} onClose={() => setFigure(undefined)} />
    </Flex>
  );
}
