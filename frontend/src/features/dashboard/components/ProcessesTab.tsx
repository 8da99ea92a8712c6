import { Alert, Col, List, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcessSummary, Stage } from '../api/metrics';
import { useProcesses, useStages } from '../hooks/useMetrics';

function StageList({ title, stages }: { title: string; stages: Stage[] }) {
  return (
    <List
      size="small"
      header={<Typography.Text strong>{title}</Typography.Text>}
      dataSource={stages}
      renderItem={(s) => (
        <List.Item>
          <span>{s.name ?? s.activityId ?? '—'}</span>
          <span>{s.count}</span>
        </List.Item>
      )}
    />
  );
}

function Stages({ processKey }: { processKey: string }) {
  const { t } = useTranslation();
  const stages = useStages(processKey);
  if (!stages.data) return null;
  return (
    <Row gutter={24}>
      <Col span={12}><StageList title={t('dashboard.processes.openByActivity')} stages={stages.data.openByActivity} /></Col>
      <Col span={12}><StageList title={t('dashboard.processes.endedByEndEvent')} stages={stages.data.endedByEndEvent} /></Col>
    </Row>
  );
}

/** Any process key: started, open, completed, and where the open ones stand (HOA, procurement, promotion alike). */
export function ProcessesTab() {
  const { t } = useTranslation();
  const processes = useProcesses();
  return (
    <>
      {processes.isError && <Alert type="error" showIcon title={processes.error.message} />}
      <Table<ProcessSummary>
        data-testid="process-summaries"
        rowKey="processKey"
        size="small"
        loading={processes.isPending}
        dataSource={processes.data ?? []}
        pagination={false}
        expandable={{ expandedRowRender: (r) => <Stages processKey={r.processKey} /> }}
        columns={[
          { title: t('dashboard.processes.process'), dataIndex: 'processKey' },
          { title: t('dashboard.processes.started'), dataIndex: 'started' },
          { title: t('dashboard.processes.open'), dataIndex: 'open' },
          { title: t('dashboard.processes.completed'), dataIndex: 'completed' },
          { title: t('dashboard.processes.terminated'), dataIndex: 'terminated' },
        ]}
      />
    </>
  );
}
