import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Input, Row, Space, Spin, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { BpmnDiagram } from '@/components/bpmn/BpmnDiagram';
import { PageHeader } from '@/components/PageHeader';
import { isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/dates';
import type { MatterDetail, VoteRound } from '../api/hoa';
import { formatArea, formatYuan, parseBallotLines } from '../api/ballotLines';
import { useBallots, useCastOwnBallot, useImportBallots, useMatter, useRequestPayment } from '../hooks/useHoa';
import { OutcomeTag } from './OutcomeTag';

/** One decision: where it stands in 三审两公开一备案, who did what, the vote, notices, filings and payments. */
export function HoaDecisionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useMatter(id);
  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={detail.error.message} />;
  const d = detail.data;
  const v = d.variables;
  return (
    <>
      <PageHeader
        title={d.matter.title}
        subTitle={d.matter.id}
        tags={<OutcomeTag outcome={d.matter.outcome} />}
        onBack={() => navigate('/hoa')}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('hoa.detail.diagram')}>
            <BpmnDiagram xml={d.diagramXml} activeIds={d.activeActivityIds} completedIds={d.completedActivityIds} height={360} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <NowCard detail={d} />
          <Card size="small" title={t('hoa.detail.facts')} style={{ marginTop: 16 }}>
            <Descriptions size="small" column={1} data-testid="hoa-facts">
              <Descriptions.Item label={t('hoa.columns.estate')}>{d.matter.estateName}</Descriptions.Item>
              <Descriptions.Item label={t('hoa.columns.matterType')}>
                {t(`hoa.matterTypes.${d.matter.matterType}`, { defaultValue: d.matter.matterType })}
              </Descriptions.Item>
              <Descriptions.Item label={t('hoa.detail.voteTier')}>
                {v.voteTier ? t(`hoa.voteTiers.${String(v.voteTier)}`, { defaultValue: String(v.voteTier) }) : '-'}
              </Descriptions.Item>
              <Descriptions.Item label={t('hoa.detail.budget')}>
                {typeof v.budgetFen === 'number' ? `${formatYuan(v.budgetFen)} ${t('hoa.yuan')}` : '-'}
              </Descriptions.Item>
              <Descriptions.Item label={t('hoa.detail.voteRound')}>{String(v.voteRound ?? '-')}</Descriptions.Item>
              <Descriptions.Item label={t('hoa.detail.voteWindow')}>
                {v.voteOpenAt ? `${formatDateTime(String(v.voteOpenAt))} ~ ${formatDateTime(String(v.voteCloseAt))}` : '-'}
              </Descriptions.Item>
              <Descriptions.Item label={t('hoa.detail.partyReturns')}>{String(v.partyReturnCount ?? 0)}</Descriptions.Item>
              <Descriptions.Item label={t('hoa.detail.resolutionNo')}>
                <span data-testid="hoa-resolution-no">{v.resolutionNo ? String(v.resolutionNo) : '-'}</span>
              </Descriptions.Item>
              {d.agencyId && (
                <Descriptions.Item label={t('hoa.agency.engaged')}>
                  <Link to={`/hoa/agency/${encodeURIComponent(d.agencyId)}`} data-testid="hoa-agency-link">{d.agencyId}</Link>
                </Descriptions.Item>
              )}
              {d.remainingBudgetFen !== null && (
                <Descriptions.Item label={t('hoa.detail.remainingBudget')}>
                  {formatYuan(d.remainingBudgetFen)} {t('hoa.yuan')}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Tabs
        style={{ marginTop: 16 }}
        items={[
          { key: 'timeline', label: t('hoa.detail.timeline'), children: <TimelineTab detail={d} /> },
          { key: 'vote', label: t('hoa.detail.vote'), children: <VoteTab detail={d} /> },
          {
            key: 'publications',
            label: `${t('hoa.tabs.publications')} (${d.publications.length})`,
            children: <PublicationsTab detail={d} />,
          },
          { key: 'filings', label: `${t('hoa.detail.filings')} (${d.filings.length})`, children: <FilingsTab detail={d} /> },
          { key: 'payments', label: `${t('hoa.detail.payments')} (${d.payments.length})`, children: <PaymentsTab detail={d} /> },
        ]}
      />
    </>
  );
}

/** What the current user can do now: their open tasks of this decision, and their own ballot while voting is open. */
function NowCard({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation();
  const cast = useCastOwnBallot(detail.matter.id);
  const canVoteAsOwner = detail.openRound !== null && !detail.committee;
  return (
    <Card size="small" title={t('hoa.detail.now')} data-testid="hoa-now">
      {detail.myTasks.length === 0 && !canVoteAsOwner && <Typography.Text type="secondary">{t('hoa.detail.nothingToDo')}</Typography.Text>}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {detail.myTasks.map((task) => (
          <Link key={task.id} to={`/tasks/${task.id}`} data-testid={`hoa-task-${task.activityId}`}>
            <Button block>{task.name}</Button>
          </Link>
        ))}
        {canVoteAsOwner && (
          <Flex gap={8} wrap>
            {(['YES', 'NO', 'ABSTAIN'] as const).map((c) => (
              <Button key={c} loading={cast.isPending} onClick={() => cast.mutate(c)} data-testid={`hoa-vote-${c}`}>
                {t(`hoa.choices.${c}`)}
              </Button>
            ))}
          </Flex>
        )}
        {cast.isError && <Alert type="error" showIcon title={cast.error.message} />}
        {cast.isSuccess && <Alert type="success" showIcon title={t('hoa.detail.voted')} />}
      </Space>
    </Card>
  );
}

function TimelineTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation();
  if (detail.timeline.length === 0) return <Empty />;
  return (
    <Timeline
      data-testid="hoa-timeline"
      items={detail.timeline.map((e, i) => ({
        key: `${e.time}-${i}`,
        color: e.kind === 'TASK_COMPLETED' || e.kind === 'END' ? 'green' : e.kind === 'STEP' ? 'gray' : 'blue',
        title: formatDateTime(e.time),
        content: (
          <span>
            {e.process && <Tag color="gold" data-testid="hoa-timeline-payment">{t('hoa.detail.paymentProcess')}</Tag>}
            <Typography.Text strong>{t(`hoa.timelineKinds.${e.kind}`)}</Typography.Text> · {e.activityName}
            {(e.userName || e.userId) && <Typography.Text type="secondary"> · {e.userName || e.userId}</Typography.Text>}
          </span>
        ),
      }))}
    />
  );
}

function VoteTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation();
  const [round, setRound] = useState<number | undefined>(detail.rounds.at(-1)?.roundNo);
  const ballots = useBallots(detail.matter.id, round, detail.committee);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {detail.openRound !== null && detail.committee && <BallotImport matterId={detail.matter.id} round={detail.openRound} />}
      <Table<VoteRound>
        data-testid="hoa-rounds"
        rowKey="roundNo"
        size="small"
        pagination={false}
        dataSource={detail.rounds}
        onRow={(r) => ({ onClick: () => setRound(r.roundNo) })}
        locale={{ emptyText: t('hoa.detail.noRounds') }}
        columns={[
          { title: t('hoa.detail.round'), dataIndex: 'roundNo', width: 60 },
          { title: t('hoa.detail.roundStatus'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'OPEN' ? 'processing' : 'default'}>{t(`hoa.roundStatus.${s}`)}</Tag> },
          { title: t('hoa.detail.ballotCount'), dataIndex: 'ballotCount' },
          {
            title: t('hoa.detail.participation'),
            key: 'participation',
            render: (_: unknown, r) =>
              r.participatingCount === null ? '-' : `${r.participatingCount} / ${r.totalOwnerCount} · ${formatArea(r.participatingAreaCenti)} / ${formatArea(r.totalAreaCenti)} m²`,
          },
          {
            title: t('hoa.detail.yes'),
            key: 'yes',
            render: (_: unknown, r) => (r.yesCount === null ? '-' : `${r.yesCount} · ${formatArea(r.yesAreaCenti)} m²`),
          },
          {
            title: t('hoa.detail.result'),
            key: 'result',
            render: (_: unknown, r) =>
              r.quorumMet === null ? '-' : (
                <Space>
                  <Tag color={r.quorumMet ? 'success' : 'warning'}>{r.quorumMet ? t('hoa.detail.quorumMet') : t('hoa.detail.quorumMissed')}</Tag>
                  {r.quorumMet && <Tag color={r.passed ? 'success' : 'error'}>{r.passed ? t('hoa.detail.passed') : t('hoa.detail.rejected')}</Tag>}
                </Space>
              ),
          },
        ]}
      />
      {detail.committee && round !== undefined && (
        <Table
          data-testid="hoa-ballots"
          size="small"
          rowKey="voterKey"
          loading={ballots.isPending}
          dataSource={ballots.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('hoa.detail.owner'), dataIndex: 'ownerName' },
            { title: t('hoa.detail.choice'), dataIndex: 'choice', render: (c: string) => t(`hoa.choices.${c}`) },
            { title: t('hoa.detail.area'), dataIndex: 'areaCenti', render: (a: number) => `${formatArea(a)} m²` },
            { title: t('hoa.detail.channel'), dataIndex: 'channel', render: (c: string) => t(`hoa.channels.${c}`, { defaultValue: c }) },
            { title: t('hoa.detail.recordedAt'), dataIndex: 'recordedAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
    </Space>
  );
}

/** Paper ballots typed or pasted, one per line; the server records all of them or none. */
function BallotImport({ matterId, round }: { matterId: string; round: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const importing = useImportBallots(matterId);
  const parsed = parseBallotLines(text);
  const error = importing.error;
  return (
    <Card size="small" title={t('hoa.import.title', { round })}>
      <Typography.Paragraph type="secondary">{t('hoa.import.help')}</Typography.Paragraph>
      <Input.TextArea
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'EST01-1-101, 同意, 89.50\nEST01-1-102, 反对'}
        data-testid="hoa-import-text"
      />
      {parsed.badLines.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('hoa.import.badLines', { lines: parsed.badLines.join(', ') })} />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={error.message}
          description={isApiError(error) && error.fieldErrors.length > 0 ? error.fieldErrors.map((f) => <div key={f.field}>{f.message}</div>) : undefined}
          data-testid="hoa-import-error"
        />
      )}
      {importing.isSuccess && (
        <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('hoa.import.done', { count: importing.data.recorded })} data-testid="hoa-import-done" />
      )}
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={parsed.ballots.length === 0 || parsed.badLines.length > 0}
        loading={importing.isPending}
        onClick={() => importing.mutate(parsed.ballots, { onSuccess: () => setText('') })}
        data-testid="hoa-import-submit"
      >
        {t('hoa.import.submit', { count: parsed.ballots.length })}
      </Button>
    </Card>
  );
}

function PublicationsTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation();
  if (detail.publications.length === 0) return <Empty description={t('hoa.noPublications')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="hoa-matter-publications">
      {detail.publications.map((p) => (
        <Card key={p.id} size="small" title={p.title} extra={formatDateTime(p.publishedAt)}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{p.body}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('hoa.detail.audience')}</Typography.Text>
        </Card>
      ))}
    </Space>
  );
}

function FilingsTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation();
  return (
    <Table
      data-testid="hoa-filings"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={detail.filings}
      columns={[
        { title: t('hoa.detail.filingKind'), dataIndex: 'kind', render: (k: string) => t(`hoa.filingKinds.${k}`, { defaultValue: k }) },
        { title: t('hoa.detail.filingOutcome'), dataIndex: 'outcome', render: (o: string) => t(`hoa.filingOutcomes.${o}`, { defaultValue: o }) },
        { title: t('hoa.detail.note'), dataIndex: 'note' },
        { title: t('hoa.detail.filedBy'), dataIndex: 'filedBy' },
        { title: t('hoa.detail.filedAt'), dataIndex: 'filedAt', render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}

/** The chair asks the agent to pay part of the approved budget; the server refuses more than what remains. */
function PaymentRequest({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation();
  const [yuan, setYuan] = useState('');
  const [purpose, setPurpose] = useState('');
  const request = useRequestPayment(detail.matter.id);
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  const amountFen = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : undefined;
  return (
    <Card size="small" title={t('hoa.payment.title')} style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap>
        <Input style={{ width: 200 }} suffix={t('hoa.yuan')} value={yuan} onChange={(e) => setYuan(e.target.value)}
          placeholder={t('hoa.payment.amount')} data-testid="hoa-payment-amount" />
        <Input style={{ width: 320 }} value={purpose} onChange={(e) => setPurpose(e.target.value)}
          placeholder={t('hoa.payment.purpose')} data-testid="hoa-payment-purpose" />
        <Button type="primary" disabled={!amountFen || !purpose.trim()} loading={request.isPending}
          onClick={() => amountFen && request.mutate({ amountFen, purpose })} data-testid="hoa-payment-submit">
          {t('hoa.payment.submit')}
        </Button>
      </Flex>
      {request.isError && <Alert type="error" showIcon style={{ marginTop: 8 }} title={request.error.message} data-testid="hoa-payment-error" />}
      {request.isSuccess && <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('hoa.payment.sent')} />}
    </Card>
  );
}

function PaymentsTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation();
  return (
    <>
    {detail.chair && detail.remainingBudgetFen !== null && !detail.matter.outcome && <PaymentRequest detail={detail} />}
    <Table
      data-testid="hoa-payments"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={detail.payments}
      columns={[
        { title: t('hoa.detail.resolutionNo'), dataIndex: 'resolutionNo' },
        { title: t('hoa.detail.amount'), dataIndex: 'amountFen', render: (a: number) => `${formatYuan(a)} ${t('hoa.yuan')}` },
        { title: t('hoa.detail.paymentRef'), dataIndex: 'paymentRef' },
        { title: t('hoa.detail.paymentStatus'), dataIndex: 'status', render: (s: string) => t(`hoa.paymentStatus.${s}`, { defaultValue: s }) },
        { title: t('hoa.detail.paidAt'), dataIndex: 'paidAt', render: (v: string) => formatDateTime(v) },
      ]}
    />
    </>
  );
}
