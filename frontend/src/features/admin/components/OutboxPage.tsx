import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/dates';
import type { OutboxItem, OutboxParams } from '../api/admin';
import { useOutbox, useResendPending } from '../hooks/useAdmin';
import { AdminNav } from './AdminNav';

/** Kinds GridFlow sends today (supervision ladder, reporter notices, mode switch); the filter also takes others. */
export const KNOWN_KINDS = [
  'YELLOW',
  'RED',
  'LEVEL3',
  'SIGN_OVERDUE',
  'VERIFY_FAILED',
  'NOT_ADMITTED',
  'RATING_REQUEST',
  'MODE_WAR',
  'MODE_PEACE',
  'MODE_CONFIRMATION_LATE',
];

export function OutboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useState<OutboxParams>({ page: 0, size: 20 });
  const outbox = useOutbox(params);
  const resend = useResendPending();
  const narrow = (patch: Partial<OutboxParams>) => setParams((p) => ({ ...p, ...patch, page: 0 }));

  const onResend = () =>
    resend.mutate(undefined, {
      onSuccess: ({ sent }) => void message.success(t('admin.outbox.resent', { sent })),
      onError: (error) => void message.error(isApiError(error) ? error.message : t('errors.unexpected')),
    });

  return (
    <div className="gf-page" data-testid="outbox-page">
      <AdminNav />
      <PageHeader
        title={t('admin.outbox.title')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void outbox.refetch()} loading={outbox.isFetching}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<SendOutlined />} onClick={onResend} loading={resend.isPending} data-testid="outbox-resend">
              {t('admin.outbox.resend')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            placeholder={t('admin.outbox.text')}
            onSearch={(text) => narrow({ text: text || undefined })}
            style={{ width: 240 }}
            data-testid="outbox-text"
          />
          <AutoComplete
            allowClear
            placeholder={t('admin.outbox.kind')}
            options={KNOWN_KINDS.map((k) => ({ value: k, label: `${t(`admin.outbox.kinds.${k}`)} (${k})` }))}
            onChange={(kind: string | undefined) => narrow({ kind: kind || undefined })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder={t('admin.outbox.status')}
            value={params.status}
            onChange={(status) => narrow({ status })}
            options={(['PENDING', 'SENT'] as const).map((s) => ({ value: s, label: t(`admin.outbox.statuses.${s}`) }))}
            style={{ width: 140 }}
            data-testid="outbox-status"
          />
        </Flex>
      </Card>
      {outbox.isError && <Alert type="error" showIcon title={outbox.error.message} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<OutboxItem>
          rowKey="id"
          size="small"
          loading={outbox.isFetching}
          dataSource={outbox.data?.items ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('admin.outbox.empty') }}
          onRow={(n) => ({ 'data-testid': 'outbox-row', 'data-kind': n.kind }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: params.page + 1,
            pageSize: params.size,
            total: outbox.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('admin.outbox.total', { total }),
            onChange: (page, size) => setParams((p) => ({ ...p, page: size !== p.size ? 0 : page - 1, size })),
          }}
          columns={[
            { key: 'created', title: t('admin.outbox.created'), width: 140, render: (_, n) => formatDateTime(n.created) },
            {
              key: 'kind',
              title: t('admin.outbox.kind'),
              width: 120,
              render: (_, n) => <Tag>{t(`admin.outbox.kinds.${n.kind}`, { defaultValue: n.kind })}</Tag>,
            },
            {
              key: 'recipient',
              title: t('admin.outbox.recipient'),
              width: 170,
              render: (_, n) => (
                <span>
                  <Typography.Text type="secondary">{t(`admin.outbox.recipientKinds.${n.recipientKind}`)}</Typography.Text> {n.recipient}
                </span>
              ),
            },
            {
              key: 'subject',
              title: t('admin.outbox.subject'),
              render: (_, n) => (
                <div>
                  <Typography.Text>{n.subject}</Typography.Text>
                  {n.body && <div style={{ fontSize: 12, color: '#888' }}>{n.body}</div>}
                </div>
              ),
            },
            {
              key: 'event',
              title: t('admin.outbox.event'),
              width: 150,
              render: (_, n) =>
                n.businessKey?.startsWith('EV-') ? (
                  <Link to={`/incidents/${encodeURIComponent(n.businessKey)}`}>{n.businessKey}</Link>
                ) : (
                  (n.businessKey ?? '—')
                ),
            },
            {
              key: 'sent',
              title: t('admin.outbox.status'),
              width: 150,
              render: (_, n) =>
                n.sentAt ? (
                  <Tag color="green" data-testid="outbox-sent">{t('admin.outbox.sentAt', { time: formatDateTime(n.sentAt) })}</Tag>
                ) : (
                  <Tag color="orange" data-testid="outbox-pending">{t('admin.outbox.statuses.PENDING')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
