import { Alert, Card, Col, Descriptions, Flex, Row, Spin, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { BpmnDiagram } from '@/components/bpmn/BpmnDiagram';
import { PageHeader } from '@/components/PageHeader';
import { useMe } from '@/features/auth/hooks/useAuth';
import { useOrgNames } from '@/features/org/hooks/useOrgTree';
import { formatDateTime } from '@/lib/dates';
import type { Evaluation, Payment } from '../api/procurement';
import { useContract, useContractDiagram } from '../hooks/useProcurement';
import { ContractActions } from './ContractActions';
import { formatFen } from './money';
import { ProcessTimeline } from './ProcessTimeline';
import { GradeTag, StatusTag } from './StatusTag';

/** A contract: the diagram with where it stands, the timeline, what the user can do, evaluations and payments. */
export function ContractPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const contract = useContract(id);
  const diagram = useContractDiagram(id);
  const orgName = useOrgNames();
  if (contract.isPending) return <Spin />;
  if (contract.isError) return <Alert type="error" showIcon title={t('procurement.contract.notFound')} />;
  const view = contract.data;
  const c = view.contract;
  const buyer = (me.data?.groups ?? []).some((g) => g.id === `purchasing-dept:${c.deptId}`);
  const money = (fen: number | null) => formatFen(fen, i18n.language);

  return (
    <div data-testid="contract-page" data-status={c.status}>
      <PageHeader
        title={`${c.contractId} · ${view.itemName ?? c.itemCode}`}
        tags={<StatusTag status={c.status} />}
        onBack={() => navigate('/procurement?tab=contracts')}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('procurement.contract.actions')}>
            <ContractActions view={view} buyer={buyer} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card>
            <Flex gap={24} wrap data-testid="contract-totals">
              <Statistic title={t('procurement.contract.total')} value={money(view.totals.priceFen)} />
              <Statistic title={t('procurement.contract.paid')} value={money(view.totals.paidFen)} data-testid="total-paid" />
              <Statistic title={t('procurement.contract.withheld')} value={money(view.totals.withheldFen)} />
              <Statistic title={t('procurement.contract.recovered')} value={money(view.totals.recoveredFen)} />
            </Flex>
            {view.providerRestrictedUntil && (
              <Tag color="red">{t('procurement.contract.restricted', { date: formatDateTime(view.providerRestrictedUntil) })}</Tag>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('procurement.contract.clauses')}>
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label={t('procurement.fields.providerId')}>{c.providerId ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.communityId')}>{orgName(c.communityId) ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.budget')}>{money(c.budgetFen)}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.price')}>{money(c.priceFen)}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.serviceItems')}>{c.serviceItems ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.qualityKpis')}>{c.qualityKpis ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.termMonths')}>{c.termMonths ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.termEnd')}>{c.termEnd ? formatDateTime(c.termEnd) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.paymentMethod')}>{c.paymentMethod ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.evalCycle')}>
                {c.evalCycle ? t(`procurement.cycle.${c.evalCycle}`, { defaultValue: c.evalCycle }) : '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('procurement.contract.evaluations')}>
            <Table<Evaluation>
              rowKey="id"
              size="small"
              pagination={false}
              data-testid="evaluations-table"
              dataSource={view.evaluations}
              columns={[
                { title: t('procurement.contract.time'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
                { title: t('procurement.contract.kind'), dataIndex: 'kind', render: (v: string) => t(`procurement.contract.evalKind.${v}`) },
                { title: t('procurement.contract.period'), dataIndex: 'periodNo', render: (v: number | null) => v ?? '—' },
                { title: t('procurement.contract.score'), dataIndex: 'score' },
                { title: t('procurement.contract.grade'), dataIndex: 'grade', render: (v: string) => <GradeTag grade={v} /> },
                { title: t('procurement.contract.payPct'), dataIndex: 'payPct', render: (v: number) => `${v}%` },
                { title: t('procurement.contract.by'), dataIndex: 'evaluatedBy' },
                {
                  title: t('procurement.contract.communityFeedback'),
                  dataIndex: 'communityFeedback',
                  render: (v: string | null, e) =>
                    e.kind !== 'PERIODIC' ? '—' : (
                      <span data-testid="community-feedback">
                        {e.communitySatisfaction && (
                          <Tag>{t(`procurement.satisfaction.${e.communitySatisfaction}`)}</Tag>
                        )}
                        {v ?? t('procurement.contract.noFeedback')}
                      </span>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('procurement.contract.payments')}>
            <Table<Payment>
              rowKey="id"
              size="small"
              pagination={false}
              data-testid="payments-table"
              dataSource={view.payments}
              columns={[
                { title: t('procurement.contract.time'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
                { title: t('procurement.contract.kind'), dataIndex: 'kind', render: (v: string) => t(`procurement.contract.payKind.${v}`) },
                { title: t('procurement.contract.period'), dataIndex: 'periodNo', render: (v: number | null) => v || '—' },
                { title: t('procurement.contract.base'), dataIndex: 'baseFen', render: (v: number) => money(v) },
                { title: t('procurement.contract.payPct'), dataIndex: 'payPct', render: (v: number) => `${v}%` },
                {
                  title: t('procurement.contract.amount'),
                  dataIndex: 'amountFen',
                  render: (v: number, p) => <span data-testid="payment-amount">{p.kind === 'RECOVERY' ? `-${money(v)}` : money(v)}</span>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('procurement.contract.diagram')}>
            {diagram.data ? (
              <BpmnDiagram
                xml={diagram.data.xml}
                activeIds={diagram.data.activeActivityIds}
                completedIds={diagram.data.completedActivityIds}
              />
            ) : <Spin />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('procurement.contract.timeline')}>
            <div data-testid="contract-timeline"><ProcessTimeline entries={view.timeline} /></div>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
