import { Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import type { MetricsFilter } from '../api/metrics';
import { AssessmentTab } from './AssessmentTab';
import { defaultFilter, FilterBar } from './FilterBar';
import { HeatmapTab } from './HeatmapTab';
import { OverviewTab } from './OverviewTab';
import { ProcessesTab } from './ProcessesTab';
import { SummariesTab } from './SummariesTab';
import { WorkloadTab } from './WorkloadTab';

const TABS = ['overview', 'heatmap', 'workload', 'assessment', 'summaries', 'processes'] as const;
type Tab = (typeof TABS)[number];

export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'overview';
  const [filter, setFilter] = useState<MetricsFilter>(defaultFilter);
  const withFilter = tab === 'overview' || tab === 'assessment';
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('dashboard.title')} subTitle={<Typography.Text type="secondary">{t('dashboard.scopeHint')}</Typography.Text>} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={TABS.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`dashboard.tabs.${key}`)}</span> }))}
      />
      {withFilter && <FilterBar value={filter} onChange={setFilter} />}
      {tab === 'overview' && <OverviewTab filter={filter} />}
      {tab === 'heatmap' && <HeatmapTab />}
      {tab === 'workload' && <WorkloadTab />}
      {tab === 'assessment' && <AssessmentTab filter={filter} />}
      {tab === 'summaries' && <SummariesTab />}
      {tab === 'processes' && <ProcessesTab />}
    </Flex>
  );
}
