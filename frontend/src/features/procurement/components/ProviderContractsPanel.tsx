import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useServerPagination } from '@/hooks/useServerPagination';
import { formatDateTime } from '@/lib/dates';
import type { OpenTask, ProviderContract } from '../api/procurement';
import { useProviderContracts } from '../hooks/useProcurement';
import { formatFen } from './money';
import { GradeTag, StatusTag } from './StatusTag';

/** 承接主体's own contracts: grades, money paid and withheld, and the steps it has to take with their deadlines. */
export function ProviderContractsPanel({ now = () => Date.now() }: { now?: () => number }) {
  const { t, i18n } = useTranslation();
  const { page, pagination } = useServerPagination();
  const contracts = useProviderContracts(page, true);
  const money = (fen: number) => formatFen(fen, i18n.language);

  const task = (task: OpenTask) => {
    const overdue = task.due != null && new Date(task.due).getTime() < now();
    return (
      <div key={task.id} data-testid="provider-task" data-key={task.taskDefinitionKey} data-overdue={overdue}>
        {task.mine ? <Link to={`/tasks/${task.id}`}>{task.name}</Link> : task.name}
        {task.due && (
          <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ marginLeft: 8 }}>
            {overdue ? t('procurement.provider.overdue') : t('procurement.provider.due')} {formatDateTime(task.due)}
          </Typography.Text>
        )}
      </div>
    );
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('procurement.provider.hint')} />
      <Table<ProviderContract>
        rowKey={(r) => r.contract.contractId}
        data-testid="provider-contracts-table"
        loading={contracts.isFetching}
        dataSource={contracts.data?.items ?? []}
        locale={{ emptyText: t('procurement.provider.empty') }}
        onRow={(r) => ({ 'data-testid': 'provider-row', 'data-id': r.contract.contractId }) as never}
        pagination={pagination(contracts.data)}
        columns={[
          {
            title: t('procurement.fields.contractId'),
            render: (_, r) => (
              <Link to={`/procurement/contracts/${r.contract.contractId}`} data-testid="contract-link">
                {r.contract.contractId}
              </Link>
            ),
          },
          { title: t('procurement.fields.itemName'), render: (_, r) => r.itemName ?? r.contract.itemCode },
          { title: t('procurement.fields.status'), render: (_, r) => <StatusTag status={r.contract.status} /> },
          {
            title: t('procurement.provider.latestGrade'),
            render: (_, r) => {
              const last = r.evaluations[r.evaluations.length - 1];
              return last ? (
                <span data-testid="provider-grade">
                  <GradeTag grade={last.grade} /> {last.score} · {last.payPct}%
                </span>
              ) : '—';
            },
          },
          { title: t('procurement.provider.evaluations'), render: (_, r) => r.evaluations.length },
          {
            title: t('procurement.provider.paid'),
            render: (_, r) => <span data-testid="provider-paid">{money(r.totals.paidFen)}</span>,
          },
          {
            title: t('procurement.provider.withheld'),
            render: (_, r) => <span data-testid="provider-withheld">{money(r.totals.withheldFen)}</span>,
          },
          {
            title: t('procurement.provider.recovered'),
            render: (_, r) => (r.totals.recoveredFen > 0 ? <Tag color="red">-{money(r.totals.recoveredFen)}</Tag> : '—'),
          },
          {
            title: t('procurement.provider.todo'),
            render: (_, r) => (r.tasks.length ? r.tasks.map(task) : t('procurement.provider.none')),
          },
        ]}
      />
    </Space>
  );
}
