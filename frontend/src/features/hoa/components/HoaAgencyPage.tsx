import { Alert, Card, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dates';
import type { Budget, Check, Statement } from '../api/hoa';
import { formatYuan } from '../api/ballotLines';
import { useAgency } from '../hooks/useHoa';

const CHECK_COLORS: Record<Check['state'], string> = {
  WAITING: 'default',
  PENDING: 'processing',
  CONFIRMED: 'success',
  DONE: 'success',
  CLEAN: 'success',
  DISPUTED: 'error',
  ANOMALY: 'warning',
};

/** One step of a statement: its state, and who did it when. */
function CheckTag({ check, testId }: { check: Check; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0} data-testid={testId}>
      <Tag color={CHECK_COLORS[check.state]}>{t(`hoa.agency.checks.${check.state}`)}</Tag>
      {check.at && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {check.by ? `${check.by} · ` : ''}{formatDateTime(check.at)}
        </Typography.Text>
      )}
      {check.note && <Typography.Text style={{ fontSize: 12 }}>{check.note}</Typography.Text>}
    </Space>
  );
}

/**
 * 业财代理 (domain-spec §2.6): the engagement, its monthly statements — booked by the agent, confirmed by the chair
 * and by the supervisory committee, published to owners, reviewed by the community — and the payments made against
 * each approved budget of the estate with what remains.
 */
export function HoaAgencyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useAgency(id);
  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={detail.error.message} />;
  const { agency, statements, budgets } = detail.data;
  const yuan = (fen: number | null) => (fen === null ? '-' : `${formatYuan(fen)} ${t('hoa.yuan')}`);
  return (
    <>
      <PageHeader
        title={t('hoa.agency.title', { estate: agency.estateName })}
        subTitle={agency.id}
        tags={<Tag color={agency.state === 'IN_FORCE' ? 'success' : 'processing'} data-testid="hoa-agency-state">
          {t(`hoa.agency.states.${agency.state}`)}
        </Tag>}
        onBack={() => navigate('/hoa?tab=agencies')}
      />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="hoa-agency-facts">
          <Descriptions.Item label={t('hoa.agency.resolution')}>
            <Link to={`/hoa/${encodeURIComponent(agency.matterId)}`}>{agency.resolutionNo} · {agency.title}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('hoa.agency.startedAt')}>{formatDateTime(agency.startedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('hoa.agency.currentSteps')}>
            {agency.currentSteps.length ? agency.currentSteps.map((s) => <Tag key={s}>{s}</Tag>) : '-'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('hoa.agency.statements')} style={{ marginTop: 16 }}>
        <Table<Statement>
          data-testid="hoa-statements"
          size="small"
          rowKey="cycleId"
          pagination={false}
          scroll={{ x: 1100 }}
          dataSource={statements}
          locale={{ emptyText: t('hoa.agency.noStatements') }}
          columns={[
            { title: t('hoa.agency.period'), dataIndex: 'period', width: 90, render: (p: string | null) => p ?? '-' },
            { title: t('hoa.agency.income'), dataIndex: 'incomeFen', width: 120, render: yuan },
            { title: t('hoa.agency.expense'), dataIndex: 'expenseFen', width: 120, render: yuan },
            { title: t('hoa.agency.booking'), key: 'booking', render: (_: unknown, s) => <CheckTag check={s.booking} /> },
            { title: t('hoa.agency.chair'), key: 'chair', render: (_: unknown, s) => <CheckTag check={s.chair} testId="hoa-statement-chair" /> },
            { title: t('hoa.agency.supervisor'), key: 'supervisor', render: (_: unknown, s) => <CheckTag check={s.supervisor} testId="hoa-statement-supervisor" /> },
            {
              title: t('hoa.agency.published'),
              dataIndex: 'publishedAt',
              render: (v: string | null) => (v ? <Tag color="success">{formatDateTime(v)}</Tag> : <Tag>{t('hoa.agency.notPublished')}</Tag>),
            },
            { title: t('hoa.agency.review'), key: 'review', render: (_: unknown, s) => <CheckTag check={s.review} testId="hoa-statement-review" /> },
            {
              title: t('hoa.agency.rectification'),
              key: 'rectification',
              render: (_: unknown, s) => (s.rectification.state === 'WAITING' ? '-' : <CheckTag check={s.rectification} />),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('hoa.agency.budgets')} style={{ marginTop: 16 }} data-testid="hoa-budgets">
        {budgets.length === 0 ? <Empty description={t('hoa.agency.noBudgets')} /> : budgets.map((b) => <BudgetBlock key={b.matterId} budget={b} />)}
      </Card>
    </>
  );
}

function BudgetBlock({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const yuan = (fen: number) => `${formatYuan(fen)} ${t('hoa.yuan')}`;
  return (
    <div style={{ marginBottom: 16 }} data-testid={`hoa-budget-${budget.resolutionNo}`}>
      <Descriptions size="small" column={{ xs: 1, md: 4 }}
        title={<Link to={`/hoa/${encodeURIComponent(budget.matterId)}`}>{budget.resolutionNo} · {budget.title}</Link>}>
        <Descriptions.Item label={t('hoa.agency.approved')}>{yuan(budget.budgetFen)}</Descriptions.Item>
        <Descriptions.Item label={t('hoa.agency.paid')}>{yuan(budget.paidFen)}</Descriptions.Item>
        <Descriptions.Item label={t('hoa.agency.remaining')}>
          <span data-testid="hoa-budget-remaining">{yuan(budget.remainingFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('hoa.agency.pending')}>
          {budget.pending.length === 0 ? '-' : budget.pending.map((p) => (
            <Tag key={p.processInstanceId} color="processing">{yuan(p.amountFen)} · {p.steps.join('、')}</Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      {budget.payments.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={budget.payments}
          columns={[
            { title: t('hoa.detail.amount'), dataIndex: 'amountFen', render: (a: number) => yuan(a) },
            { title: t('hoa.detail.paymentRef'), dataIndex: 'paymentRef' },
            { title: t('hoa.detail.paymentStatus'), dataIndex: 'status', render: (s: string) => t(`hoa.paymentStatus.${s}`, { defaultValue: s }) },
            { title: t('hoa.detail.paidAt'), dataIndex: 'paidAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
    </div>
  );
}
