import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { useMe } from '@/features/auth/hooks/useAuth';
import { isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/dates';
import { type Application, roundStage } from '../api/promotion';
import { useBoard, useCloseApplications, useObjection, useReported } from '../hooks/usePromotion';
import { PerformanceCell } from './PerformanceCell';
import { ProcessPanel } from './ProcessPanel';
import { RoundArchivePanel } from './RoundArchivePanel';
import { Reasons, StatusTag } from './StatusTag';

function score(a: Application, name: string): string {
  const v = a.facts[name];
  return typeof v === 'number' ? v.toFixed(1) : '—';
}

/** The round board: stage, applicants with eligibility reasons and scores, ranking, shortlist, waitlist, 公示. */
export function RoundBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const roundKey = decodeURIComponent(useParams().roundKey ?? '');
  const board = useBoard(roundKey);
  const me = useMe();
  const isHr = me.data?.roles.includes('hr-admin') ?? false;
  const objection = useObjection(roundKey);
  const reported = useReported(roundKey);
  const closeApplications = useCloseApplications(roundKey);
  const [objecting, setObjecting] = useState<string | null>(null);
  const [objectionText, setObjectionText] = useState('');
  const [selected, setSelected] = useState<string | undefined>();

  if (board.isPending) return <Spin />;
  if (board.isError) return <Alert type="error" showIcon title={board.error.message} />;
  const b = board.data;
  const shortlist = b.applications.filter((a) => a.rank !== null && a.rank <= (b.annualQuota ?? 0));
  const waitlist = b.waitlist ? b.waitlist.split(',').filter(Boolean) : [];

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
    } catch (e) {
      void message.error(isApiError(e) ? e.message : t('errors.unexpected'));
    }
  };

  return (
    <>
      <PageHeader
        title={roundKey}
        onBack={() => navigate('/promotion')}
        tags={<Tag color="blue" data-testid="round-stage">{t(`promotion.stage.${roundStage(b.activities, b.archived ?? false)}`)}</Tag>}
        extra={
          isHr &&
          b.activities.includes('applicationWindow') && (
            <Button
              danger
              data-testid="close-applications"
              loading={closeApplications.isPending}
              onClick={() => act(() => closeApplications.mutateAsync(), t('promotion.board.applicationsClosed'))}
            >
              {t('promotion.board.closeApplications')}
            </Button>
          )
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('promotion.rounds.quota')}>
              <span data-testid="round-quota">{b.annualQuota ?? '—'}</span>
              {b.quotaBasis && <Typography.Text type="secondary"> （{b.quotaBasis}）</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('promotion.rounds.closesAt')}>{formatDateTime(b.applicationClosesAt)}</Descriptions.Item>
            <Descriptions.Item label={t('promotion.rounds.waitlistExpires')}>{formatDateTime(b.waitlistExpiresAt)}</Descriptions.Item>
            <Descriptions.Item label={t('promotion.board.shortlist')}>
              <span data-testid="shortlist">{shortlist.map((a) => a.applicantId).join('、') || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('promotion.board.waitlist')}>
              <span data-testid="waitlist">{waitlist.join('、') || '—'}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('promotion.board.applicants')} data-testid="applicants">
          <Table<Application>
            rowKey="applicantId"
            size="small"
            dataSource={b.applications}
            pagination={{ pageSize: 20 }}
            onRow={(a) => ({ onClick: () => setSelected(a.applicantId) })}
            columns={[
              { title: t('promotion.board.rank'), dataIndex: 'rank', render: (r: number | null) => r ?? '—' },
              { title: t('promotion.board.applicant'), dataIndex: 'applicantId' },
              { title: t('promotion.board.community'), dataIndex: 'communityId' },
              { title: t('promotion.board.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
              {
                title: t('promotion.board.reasons'),
                render: (_, a) => <Reasons reasons={a.eligibilityViolations} />,
              },
              { title: t('promotion.board.written'), render: (_, a) => score(a, 'writtenScore') },
              { title: t('promotion.board.interview'), render: (_, a) => score(a, 'interviewScore') },
              {
                title: t('promotion.board.performance'),
                render: (_, a) => (
                  <PerformanceCell
                    id={a.applicantId}
                    score={typeof a.facts.performanceScore === 'number' ? a.facts.performanceScore : null}
                    source={typeof a.facts.performanceSource === 'string' ? a.facts.performanceSource : null}
                  />
                ),
              },
              { title: t('promotion.board.bonus'), render: (_, a) => score(a, 'commendationBonus') },
              {
                title: t('promotion.board.total'),
                dataIndex: 'totalScore',
                render: (v: number | null) => (v === null ? '—' : <b>{Number(v).toFixed(2)}</b>),
              },
              {
                title: t('promotion.board.publicityEnd'),
                render: (_, a) => formatDateTime(a.facts.publicityEndAt as string | undefined),
              },
              {
                title: '',
                render: (_, a) =>
                  isHr ? (
                    <Space>
                      {a.status === 'IN_PUBLICITY' && (
                        <Button size="small" onClick={() => setObjecting(a.applicantId)}>
                          {t('promotion.board.fileObjection')}
                        </Button>
                      )}
                      {a.status === 'OFFERED' && (
                        <Button
                          size="small"
                          onClick={() => act(() => reported.mutateAsync(a.applicantId), t('promotion.board.reportedDone'))}
                        >
                          {t('promotion.board.reported')}
                        </Button>
                      )}
                    </Space>
                  ) : null,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('promotion.board.tieBreak')}
          </Typography.Paragraph>
        </Card>
        {b.archived && <RoundArchivePanel roundKey={roundKey} isHr={isHr} />}
        <Card
          size="small"
          title={selected ? t('promotion.board.candidateProcess', { id: selected }) : t('promotion.board.roundProcess')}
          extra={selected && <Button size="small" onClick={() => setSelected(undefined)}>{t('promotion.board.showRound')}</Button>}
        >
          <ProcessPanel roundKey={roundKey} applicantId={selected} />
        </Card>
      </Space>
      <Modal
        open={objecting !== null}
        title={t('promotion.board.fileObjection')}
        onCancel={() => setObjecting(null)}
        onOk={async () => {
          if (objecting) {
            await act(() => objection.mutateAsync({ applicantId: objecting, text: objectionText }), t('promotion.board.objectionFiled'));
          }
          setObjecting(null);
          setObjectionText('');
        }}
      >
        <Input.TextArea rows={4} maxLength={2000} value={objectionText} onChange={(e) => setObjectionText(e.target.value)} />
      </Modal>
    </>
  );
}
