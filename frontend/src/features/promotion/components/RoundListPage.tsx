import { App, Button, Card, Form, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { useMe } from '@/features/auth/hooks/useAuth';
import { isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/dates';
import { useServerPagination } from '@/hooks/useServerPagination';
import { type OpenRoundInput, type RoundSummary, roundStage } from '../api/promotion';
import { useApply, useOpenRound, useRounds } from '../hooks/usePromotion';
import { PublicationView } from './RoundArchivePanel';

const BOARD_ROLES = ['hr-admin', 'assessment-panel', 'discipline-check', 'promotion-committee', 'community-head'];
/** Who sees the rounds; others reach this menu for the commendations only. */
const ROUND_ROLES = [...BOARD_ROLES, 'grid-staff'];
const COMMENDATION_ROLES = ['hr-admin', 'assessment-panel', 'city-gov-approver', 'governance-admin', 'community-head', 'dept-leader'];

export function RoundListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const roles = me.data?.roles ?? [];
  const isHr = roles.includes('hr-admin');
  const seesBoard = roles.some((r) => BOARD_ROLES.includes(r));
  const isGridStaff = roles.includes('grid-staff');
  const { page, size, pagination } = useServerPagination({ sizeChanger: true });
  const seesRounds = roles.some((r) => ROUND_ROLES.includes(r));
  const seesCommendations = roles.some((r) => COMMENDATION_ROLES.includes(r));
  const rounds = useRounds(page, size, seesRounds);
  const open = useOpenRound();
  const apply = useApply();
  const [opening, setOpening] = useState(false);
  const [published, setPublished] = useState<string | null>(null);
  const [form] = Form.useForm<OpenRoundInput>();

  const submitOpen = async () => {
    const values = await form.validateFields();
    try {
      const created = await open.mutateAsync(values);
      setOpening(false);
      void message.success(t('promotion.rounds.opened', { key: created.roundKey }));
      navigate(`/promotion/rounds/${encodeURIComponent(created.roundKey)}`);
    } catch (e) {
      void message.error(isApiError(e) ? e.message : t('errors.unexpected'));
    }
  };

  const applyTo = async (key: string) => {
    try {
      await apply.mutateAsync(key);
      void message.success(t('promotion.rounds.applied'));
    } catch (e) {
      void message.error(isApiError(e) ? e.message : t('errors.unexpected'));
    }
  };

  if (me.data && !seesRounds && seesCommendations) return <Navigate to="/promotion/commendations" replace />;

  return (
    <>
      <PageHeader
        title={t('promotion.title')}
        extra={
          <Space wrap>
            {seesCommendations && (
              <Link to="/promotion/commendations">
                <Button data-testid="commendations-link">{t('promotion.commendation.title')}</Button>
              </Link>
            )}
            {isGridStaff && (
              <Link to="/promotion/mine">
                <Button data-testid="my-applications-link">{t('promotion.mine.title')}</Button>
              </Link>
            )}
            {isHr && (
              <Link to="/promotion/hr-records">
                <Button data-testid="hr-records-link">{t('promotion.hr.title')}</Button>
              </Link>
            )}
            {isHr && (
              <Button type="primary" onClick={() => setOpening(true)} data-testid="open-round">
                {t('promotion.rounds.open')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Table<RoundSummary>
          rowKey="roundKey"
          loading={rounds.isPending}
          dataSource={rounds.data?.items ?? []}
          pagination={pagination(rounds.data)}
          columns={[
            {
              title: t('promotion.rounds.key'),
              dataIndex: 'roundKey',
              render: (key: string) =>
                seesBoard ? <Link to={`/promotion/rounds/${encodeURIComponent(key)}`}>{key}</Link> : key,
            },
            { title: t('promotion.rounds.year'), dataIndex: 'year' },
            { title: t('promotion.rounds.pool'), dataIndex: 'postPool', render: (p: string) => t(`promotion.pool.${p}`) },
            { title: t('promotion.rounds.quota'), dataIndex: 'annualQuota' },
            {
              title: t('promotion.rounds.stage'),
              render: (_, r) => <Tag color="blue">{t(`promotion.stage.${roundStage(r.activities, r.archived)}`)}</Tag>,
            },
            {
              title: t('promotion.rounds.closesAt'),
              dataIndex: 'applicationClosesAt',
              render: (v?: string) => formatDateTime(v),
            },
            {
              title: t('promotion.rounds.actions'),
              render: (_, r) =>
                isGridStaff && r.activities.includes('applicationWindow') ? (
                  <Button size="small" type="primary" onClick={() => applyTo(r.roundKey)} data-testid={`apply-${r.roundKey}`}>
                    {t('promotion.rounds.apply')}
                  </Button>
                ) : r.archived ? (
                  <Button size="small" onClick={() => setPublished(r.roundKey)} data-testid={`publication-${r.roundKey}`}>
                    {t('promotion.archive.show')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={published !== null}
        title={t('promotion.archive.title')}
        onCancel={() => setPublished(null)}
        footer={null}
        width={800}
        destroyOnHidden
      >
        {published && <PublicationView roundKey={published} />}
      </Modal>
      <Modal
        open={opening}
        title={t('promotion.rounds.open')}
        onCancel={() => setOpening(false)}
        onOk={submitOpen}
        confirmLoading={open.isPending}
        okButtonProps={{ 'data-testid': 'open-round-submit' } as never}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear(), postPool: 'CSW_FROM_GRID' }}>
          <Form.Item name="year" label={t('promotion.rounds.year')} rules={[{ required: true }]}>
            <InputNumber min={2020} max={2100} style={{ width: '100%' }} data-testid="round-year" />
          </Form.Item>
          <Form.Item name="postPool" label={t('promotion.rounds.pool')} rules={[{ required: true }]}>
            <Select
              options={['CSW_FROM_GRID', 'INSTITUTION_RESERVED', 'SOE_RESERVED'].map((p) => ({
                value: p,
                label: t(`promotion.pool.${p}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="cswVacancies" label={t('promotion.rounds.cswVacancies')}>
            <InputNumber min={0} max={1000} style={{ width: '100%' }} data-testid="round-csw" />
          </Form.Item>
          <Form.Item name="institutionPostsPlanned" label={t('promotion.rounds.institutionPosts')}>
            <InputNumber min={0} max={1000} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
