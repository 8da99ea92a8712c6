import { Alert, Card, Flex, Select, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BpmnHeatmap, type HeatCell } from '@/components/bpmn/BpmnHeatmap';
import { useOrgNames } from '@/features/org/hooks/useOrgTree';
import { formatDateTimeShort } from '@/lib/dates';
import { useServerPagination } from '@/hooks/useServerPagination';
import type { ActivityStats, WaitingInstance } from '../api/metrics';
import { useHeatmap, useProcesses, useWaiting } from '../hooks/useMetrics';
import { formatMillis } from './format';

/** Heat 0..4 by the activity's average duration, ranked among the activities that took any time. */
function heatLevels(stats: ActivityStats[]): Map<string, number> {
  const timed = stats.filter((s) => (s.avgMs ?? 0) > 0).sort((a, b) => (a.avgMs ?? 0) - (b.avgMs ?? 0));
  const levels = new Map<string, number>();
  timed.forEach((s, i) => levels.set(s.activityId, Math.min(4, Math.floor((i / Math.max(1, timed.length)) * 5))));
  return levels;
}

export function HeatmapTab() {
  const { t } = useTranslation();
  const processes = useProcesses();
  const [processKey, setProcessKey] = useState('grid-event');
  const [activityId, setActivityId] = useState<string>();
  const { page, setPage, pagination } = useServerPagination({ pageSize: 10 });
  const heatmap = useHeatmap(processKey);
  const waiting = useWaiting(processKey, activityId, page);
  const names = useOrgNames();

  const cells = useMemo(() => {
    const stats = heatmap.data?.activities ?? [];
    const levels = heatLevels(stats);
    const result: Record<string, HeatCell> = {};
    for (const s of stats) {
      const p90 = formatMillis(s.p90Ms, t);
      result[s.activityId] = {
        level: levels.get(s.activityId) ?? 0,
        waiting: s.waiting,
        label: t('dashboard.heatmap.badge', { count: s.count, waiting: s.waiting, p90 }),
        title: t('dashboard.heatmap.badgeTitle', {
          name: s.name ?? s.activityId, count: s.count, waiting: s.waiting, p90, avg: formatMillis(s.avgMs, t),
        }),
      };
    }
    return result;
  }, [heatmap.data, t]);

  const selected = heatmap.data?.activities.find((a) => a.activityId === activityId);
  const options = (processes.data ?? []).map((p) => ({ value: p.processKey, label: p.processKey }));
  if (!options.some((o) => o.value === processKey)) options.unshift({ value: processKey, label: processKey });

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('dashboard.heatmap.process')}</Typography.Text>
        <Select
          data-testid="heatmap-process"
          style={{ minWidth: 220 }}
          value={processKey}
          options={options}
          onChange={(key: string) => { setProcessKey(key); setActivityId(undefined); setPage(0); }}
        />
        <Typography.Text type="secondary">{t('dashboard.heatmap.legend')}</Typography.Text>
      </Flex>
      {heatmap.isError && <Alert type="error" showIcon title={heatmap.error.message} />}
      {heatmap.isPending ? <Spin /> : heatmap.data && (
        <BpmnHeatmap
          xml={heatmap.data.xml}
          cells={cells}
          selectedId={activityId}
          onSelect={(id) => { setActivityId(id); setPage(0); }}
        />
      )}
      <Card
        size="small"
        data-testid="waiting-instances"
        title={selected ? t('dashboard.heatmap.waitingTitle', { name: selected.name ?? selected.activityId }) : t('dashboard.heatmap.pick')}
      >
        {activityId && (
          <Table<WaitingInstance>
            rowKey={(r) => `${r.processInstanceId}-${r.since}`}
            size="small"
            loading={waiting.isFetching}
            dataSource={waiting.data?.items ?? []}
            pagination={pagination(waiting.data)}
            columns={[
              { title: t('dashboard.events.businessKey'), dataIndex: 'businessKey' },
              { title: t('dashboard.events.community'), render: (_, r) => names(r.communityId) },
              { title: t('dashboard.heatmap.since'), render: (_, r) => formatDateTimeShort(r.since) },
              { title: t('dashboard.heatmap.waitingFor'), render: (_, r) => formatMillis(dayjs().diff(dayjs(r.since)), t) },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
