import { Alert, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/dates';
import type { PersonnelRecord, PublicationEntry } from '../api/promotion';
import { usePublication, useRoundRecords } from '../hooks/usePromotion';
import { StatusTag } from './StatusTag';

const num = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : Number(v).toFixed(digits));

/** What the file keeps of one candidate: scores, rank, publicity, objections and their outcome, the result. */
export function PersonnelRecordView({ record }: { record: PersonnelRecord }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, md: 3 }} size="small" data-testid={`record-${record.roundKey}-${record.applicantId}`}>
      <Descriptions.Item label={t('promotion.archive.finalStatus')}>
        <StatusTag status={record.finalStatus} />
      </Descriptions.Item>
      <Descriptions.Item label={t('promotion.archive.result')}>
        <span data-testid={`record-result-${record.applicantId}`}>
          {t(`promotion.archive.results.${record.appointmentResult}`, { defaultValue: record.appointmentResult })}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('promotion.board.rank')}>{record.rank ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('promotion.board.written')}>{num(record.writtenScore)}</Descriptions.Item>
      <Descriptions.Item label={t('promotion.board.interview')}>{num(record.interviewScore)}</Descriptions.Item>
      <Descriptions.Item label={t('promotion.board.bonus')}>{num(record.bonus)}</Descriptions.Item>
      <Descriptions.Item label={t('promotion.board.total')}>{num(record.totalScore, 2)}</Descriptions.Item>
      <Descriptions.Item label={t('promotion.board.publicityEnd')}>{formatDateTime(record.publicityEndAt ?? undefined)}</Descriptions.Item>
      <Descriptions.Item label={t('promotion.archive.objections')}>
        <span data-testid={`record-objections-${record.applicantId}`}>
          {record.objectionsFiled === 0
            ? t('promotion.archive.noObjection')
            : t('promotion.archive.objectionCount', {
                count: record.objectionsFiled,
                outcome: t(`promotion.archive.outcome.${record.objectionOutcome ?? 'NOT_DECIDED'}`),
              })}
        </span>
      </Descriptions.Item>
      {record.objections.map((o, i) => (
        <Descriptions.Item key={i} label={formatDateTime(o.filedAt)} span={3}>
          {o.text}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** The round's published results (art. 22): readable by every signed-in user. */
export function PublicationView({ roundKey }: { roundKey: string }) {
  const { t } = useTranslation();
  const publication = usePublication(roundKey, true);
  if (publication.isPending) return <Spin />;
  if (publication.isError) return <Alert type="warning" showIcon title={publication.error.message} />;
  const p = publication.data;
  return (
    <div data-testid="publication">
      <Typography.Title level={5}>{p.title}</Typography.Title>
      <Space wrap>
        <Tag color="green">{t(`promotion.archive.scope.${p.scope}`, { defaultValue: p.scope })}</Tag>
        <Typography.Text type="secondary">{t('promotion.archive.publishedAt', { at: formatDateTime(p.publishedAt) })}</Typography.Text>
      </Space>
      <Table<PublicationEntry>
        rowKey="applicantId"
        size="small"
        pagination={false}
        dataSource={p.entries}
        locale={{ emptyText: t('promotion.archive.nobody') }}
        columns={[
          { title: t('promotion.board.rank'), dataIndex: 'rank', render: (r: number | null) => r ?? '—' },
          { title: t('promotion.board.applicant'), dataIndex: 'applicantId' },
          { title: t('promotion.board.written'), render: (_, e) => num(e.writtenScore) },
          { title: t('promotion.board.interview'), render: (_, e) => num(e.interviewScore) },
          { title: t('promotion.board.bonus'), render: (_, e) => num(e.bonus) },
          { title: t('promotion.board.total'), render: (_, e) => <b>{num(e.totalScore, 2)}</b> },
          { title: t('promotion.board.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
        ]}
      />
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} type="secondary" data-testid="publication-text">
        {p.body}
      </Typography.Paragraph>
    </div>
  );
}

/** The round's archive on its board: the published results for all, and for HR the personnel-file records. */
export function RoundArchivePanel({ roundKey, isHr }: { roundKey: string; isHr: boolean }) {
  const { t } = useTranslation();
  const records = useRoundRecords(roundKey, isHr);
  return (
    <Card size="small" title={t('promotion.archive.title')} data-testid="round-archive">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <PublicationView roundKey={roundKey} />
        {isHr && records.data && (
          <div data-testid="personnel-records">
            <Typography.Title level={5}>{t('promotion.archive.records')}</Typography.Title>
            {records.data.map((r) => (
              <Card key={r.applicantId} size="small" type="inner" title={r.applicantId} style={{ marginBottom: 8 }}>
                <PersonnelRecordView record={r} />
              </Card>
            ))}
          </div>
        )}
      </Space>
    </Card>
  );
}
