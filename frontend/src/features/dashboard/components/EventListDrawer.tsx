import { Alert, Drawer, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgNames } from '@/features/org/hooks/useOrgTree';
import { formatDateTimeShort } from '@/lib/dates';
import { useServerPagination } from '@/hooks/useServerPagination';
import type { EventRow, MetricsFilter } from '../api/metrics';
import { useEvents } from '../hooks/useMetrics';

/** The events a figure counts, with the same filter as the figure (server-side paged). */
export function EventListDrawer({ filter, figure, onClose }: {
  filter: MetricsFilter;
  figure: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { page, setPage, pagination } = useServerPagination({ pageSize: 10 });
  const events = useEvents(filter, figure, page);
  const names = useOrgNames();
  return (
    <Drawer
      open={figure !== undefined}
      onClose={() => { setPage(0); onClose(); }}
      size="large"
      title={figure ? t(`dashboard.figureList.${figure}`) : ''}
      data-testid="figure-events"
    >
      {events.isError && <Alert type="error" showIcon title={events.error.message} />}
      <Table<EventRow>
        rowKey="processInstanceId"
        size="small"
        loading={events.isFetching}
        dataSource={events.data?.items ?? []}
        pagination={pagination(events.data)}
        columns={[
          { title: t('dashboard.events.businessKey'), dataIndex: 'businessKey' },
          { title: t('dashboard.events.community'), render: (_, r) => names(r.communityId) },
          { title: t('dashboard.events.category'), render: (_, r) => (r.category ? t(`dashboard.category.${r.category}`, r.category) : '') },
          { title: t('dashboard.events.reportedAt'), render: (_, r) => formatDateTimeShort(r.reportedAt) },
          { title: t('dashboard.events.slaDueAt'), render: (_, r) => formatDateTimeShort(r.slaDueAt) },
          {
            title: t('dashboard.events.closedAt'),
            render: (_, r) => (r.closedAt ? formatDateTimeShort(r.closedAt) : <Tag>{t('dashboard.events.open')}</Tag>),
          },
          {
            title: t('dashboard.events.onTime'),
            render: (_, r) => (r.closedInTime === null ? '' : r.closedInTime
              ? <Tag color="green">{t('dashboard.events.onTime')}</Tag>
              : <Tag color="red">{t('dashboard.events.late')}</Tag>),
          },
          {
            title: t('dashboard.events.satisfaction'),
            render: (_, r) => (r.satisfaction ? t(`dashboard.satisfaction.${r.satisfaction}`, r.satisfaction) : ''),
          },
        ]}
      />
    </Drawer>
  );
}
