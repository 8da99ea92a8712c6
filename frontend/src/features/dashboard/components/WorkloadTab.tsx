import { Alert, Card, Col, Row, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTimeShort } from '@/lib/dates';
import type { Load } from '../api/metrics';
import { useWorkload } from '../hooks/useMetrics';

export function WorkloadTab() {
  const { t } = useTranslation();
  const workload = useWorkload();
  const columns = (first: string, withUnassigned: boolean) => [
    { title: first, dataIndex: 'id' },
    { title: t('dashboard.workload.open'), dataIndex: 'open' },
    ...(withUnassigned ? [{ title: t('dashboard.workload.unassigned'), dataIndex: 'unassigned' }] : []),
    {
      title: t('dashboard.workload.overdue'),
      render: (_: unknown, r: Load) => (r.overdue > 0 ? <Tag color="red">{r.overdue}</Tag> : 0),
    },
    { title: t('dashboard.workload.oldest'), render: (_: unknown, r: Load) => formatDateTimeShort(r.oldestSince) },
  ];
  return (
    <>
      {workload.isError && <Alert type="error" showIcon title={workload.error.message} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dashboard.workload.groups')}>
            <Table<Load> data-testid="workload-groups" rowKey="id" size="small" loading={workload.isPending}
              dataSource={workload.data?.groups ?? []} columns={columns(t('dashboard.workload.group'), true)} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dashboard.workload.assignees')}>
            <Table<Load> data-testid="workload-assignees" rowKey="id" size="small" loading={workload.isPending}
              dataSource={workload.data?.assignees ?? []} columns={columns(t('dashboard.workload.assignee'), false)} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
