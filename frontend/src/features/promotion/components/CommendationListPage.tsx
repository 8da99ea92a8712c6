import { Button, Card, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { useMe } from '@/features/auth/hooks/useAuth';
import { formatDateTime } from '@/lib/dates';
import { useServerPagination } from '@/hooks/useServerPagination';
import type { CommendationSummary } from '../api/promotion';
import { useCommendations } from '../hooks/usePromotion';
import { CommendationStatus } from './CommendationStatus';

const NOMINATORS = ['community-head', 'dept-leader', 'governance-admin'];

/** 表彰奖励 (art. 21): every nomination the user may see, with where it stands. */
export function CommendationListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const nominates = (me.data?.roles ?? []).some((r) => NOMINATORS.includes(r));
  const { page, size, pagination } = useServerPagination({ sizeChanger: true });
  const list = useCommendations(page, size);
  return (
    <>
      <PageHeader
        title={t('promotion.commendation.title')}
        onBack={() => navigate('/promotion')}
        extra={
          nominates && (
            <Link to="/start/commendation">
              <Button type="primary" data-testid="nominate">{t('promotion.commendation.nominate')}</Button>
            </Link>
          )
        }
      />
      <Card>
        <Table<CommendationSummary>
          rowKey="processInstanceId"
          data-testid="commendations"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          onRow={(c) => ({ onClick: () => navigate(`/promotion/commendations/${c.processInstanceId}`), style: { cursor: 'pointer' } })}
          pagination={pagination(list.data)}
          columns={[
            { title: t('promotion.commendation.nominee'), render: (_, c) => <Space>{c.nomineeName}{c.nomineeId && <span>（{c.nomineeId}）</span>}</Space> },
            {
              title: t('promotion.commendation.nomineeType'),
              dataIndex: 'nomineeType',
              render: (v?: string) => (v ? t(`promotion.commendation.type.${v}`, { defaultValue: v }) : '—'),
            },
            { title: t('promotion.commendation.score'), dataIndex: 'commendationScore', render: (v?: number) => v ?? '—' },
            { title: t('promotion.board.status'), render: (_, c) => <CommendationStatus c={c} /> },
            { title: t('promotion.commendation.nominatedBy'), dataIndex: 'startedBy', render: (v: string | null) => v ?? '—' },
            { title: t('promotion.commendation.startedAt'), dataIndex: 'startedAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
    </>
  );
}
