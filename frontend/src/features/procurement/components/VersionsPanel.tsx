import { Alert, Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerPagination } from '@/hooks/useServerPagination';
import { formatDateTime } from '@/lib/dates';
import type { Publication } from '../api/procurement';
import { usePublication, usePublications } from '../hooks/useProcurement';

/** Every publication of the catalogue is kept; a version is shown with what changed since the one before. */
export function VersionsPanel() {
  const { t } = useTranslation();
  const { page, pagination } = useServerPagination();
  const [selected, setSelected] = useState<number>();
  const publications = usePublications(page);
  const shown = selected ?? publications.data?.items[0]?.version;
  const view = usePublication(shown);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Table<Publication>
        rowKey="version"
        size="small"
        data-testid="versions-table"
        loading={publications.isFetching}
        dataSource={publications.data?.items ?? []}
        rowClassName={(p) => (p.version === shown ? 'ant-table-row-selected' : '')}
        onRow={(p) => ({ onClick: () => setSelected(p.version), style: { cursor: 'pointer' } })}
        pagination={pagination(publications.data)}
        columns={[
          { title: t('procurement.versions.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          { title: t('procurement.versions.publishedAt'), dataIndex: 'publishedAt', render: (v: string) => formatDateTime(v) },
          { title: t('procurement.versions.reason'), dataIndex: 'reason' },
          { title: t('procurement.versions.itemCount'), dataIndex: 'itemCount' },
        ]}
      />
      {view.data && (
        <Card
          data-testid="version-compare"
          title={view.data.previousVersion
            ? t('procurement.versions.compareTitle', { version: view.data.publication.version, previous: view.data.previousVersion })
            : `v${view.data.publication.version}`}
        >
          {!view.data.previousVersion && <Alert type="info" showIcon title={t('procurement.versions.first')} />}
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('procurement.versions.added')}>
              {view.data.diff.added.length === 0 ? '—' : view.data.diff.added.map((i) => (
                <Tag color="green" key={i.itemCode} data-testid="diff-added">{i.itemCode} {i.itemName}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('procurement.versions.removed')}>
              {view.data.diff.removed.length === 0 ? '—' : view.data.diff.removed.map((i) => (
                <Tag color="red" key={i.itemCode} data-testid="diff-removed">{i.itemCode} {i.itemName}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('procurement.versions.changed')}>
              {view.data.diff.changed.length === 0 ? '—' : (
                <List
                  size="small"
                  dataSource={view.data.diff.changed}
                  renderItem={(c) => (
                    <List.Item data-testid="diff-changed">
                      <Typography.Text strong>{c.itemCode}</Typography.Text>{' '}
                      {Object.entries(c.fields).map(([field, [was, now]]) => (
                        <span key={field}>
                          {t(`procurement.fields.${field}`, { defaultValue: field })}: <del>{was}</del> → {now}{' '}
                        </span>
                      ))}
                    </List.Item>
                  )}
                />
              )}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('procurement.versions.items')}</Typography.Title>
          {view.data.items.length === 0 ? <Empty /> : (
            <List
              size="small"
              dataSource={view.data.items}
              renderItem={(i) => <List.Item>{i.itemCode} · {i.itemName} · {t(`procurement.status.${i.status}`)}</List.Item>}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
