import { Alert, Card, Descriptions, Empty, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dates';
import { useMyApplications, useMyRecords } from '../hooks/usePromotion';
import { ProcessPanel } from './ProcessPanel';
import { PersonnelRecordView } from './RoundArchivePanel';
import { Reasons, StatusTag } from './StatusTag';

/** A grid worker's own applications: where each stands, why it failed, their scores and rank. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyApplications();
  const records = useMyRecords();
  if (mine.isPending) return <Spin />;
  if (mine.isError) return <Alert type="error" showIcon title={mine.error.message} />;
  return (
    <>
      <PageHeader title={t('promotion.mine.title')} onBack={() => navigate('/promotion')} />
      {mine.data.length === 0 && <Empty description={t('promotion.mine.none')} />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {mine.data.map((a) => (
          <Card key={a.roundKey} title={a.roundKey} extra={<StatusTag status={a.status} />} data-testid={`my-${a.roundKey}`}>
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label={t('promotion.mine.appliedAt')}>{formatDateTime(a.appliedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('promotion.board.rank')}>{a.rank ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('promotion.board.total')}>{a.totalScore ?? '—'}</Descriptions.Item>
              {a.eligibilityViolations.length > 0 && (
                <Descriptions.Item label={t('promotion.board.reasons')} span={3}>
                  <Reasons reasons={a.eligibilityViolations} />
                </Descriptions.Item>
              )}
            </Descriptions>
            {records.data
              ?.filter((r) => r.roundKey === a.roundKey)
              .map((r) => (
                <Card key={r.roundKey} size="small" type="inner" title={t('promotion.archive.myRecord')} style={{ margin: '12px 0' }}>
                  <PersonnelRecordView record={r} />
                </Card>
              ))}
            {a.status !== 'APPLIED' && <ProcessPanel roundKey={a.roundKey} applicantId={a.applicantId} />}
          </Card>
        ))}
      </Space>
    </>
  );
}
