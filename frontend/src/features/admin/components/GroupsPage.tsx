import { Alert, Card, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { useServerPagination } from '@/hooks/useServerPagination';
import type { AdminGroup } from '../api/identity';
import { useGroups, useGroupTypes } from '../hooks/useIdentity';
import { AdminNav } from './AdminNav';

const PAGE_SIZE = 20;
const ALL = '';

/** 用户组 by type: role groups, and the groups made per grid, community and department from the org master data. */
export function GroupsPage() {
  const { t } = useTranslation();
  const [type, setType] = useState(ALL);
  const [q, setQ] = useState('');
  const { page, setPage, size, pagination } = useServerPagination({ pageSize: PAGE_SIZE });
  const types = useGroupTypes();
  const groups = useGroups({ type: type || undefined, q: q || undefined, page, size });
  const typeLabel = (value: string | null) => (value ? t(`admin.groups.types.${value}`, { defaultValue: value }) : '—');

  return (
    <div className="gf-page" data-testid="groups-page">
      <AdminNav />
      <PageHeader title={t('admin.groups.title')} />
      <Typography.Paragraph type="secondary">{t('admin.groups.explain')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Segmented
            value={type}
            onChange={(value) => {
              setType(value);
              setPage(0);
            }}
            options={[{ value: ALL, label: t('admin.groups.allTypes') }, ...(types.data ?? []).map((v) => ({ value: v, label: typeLabel(v) }))]}
            data-testid="group-type"
          />
          <Input.Search
            allowClear
            placeholder={t('admin.groups.search')}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(0);
            }}
            style={{ maxWidth: 300 }}
            data-testid="group-search"
          />
        </Flex>
      </Card>
      {groups.isError && <Alert type="error" showIcon title={groups.error.message} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<AdminGroup>
          rowKey="id"
          size="small"
          loading={groups.isFetching}
          dataSource={groups.data?.items ?? []}
          pagination={pagination(groups.data)}
          locale={{ emptyText: t('admin.groups.empty') }}
          onRow={(g) => ({ 'data-testid': 'group-row', 'data-id': g.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'id', title: t('admin.groups.id'), dataIndex: 'id' },
            { key: 'name', title: t('admin.groups.name'), render: (_, g) => g.name ?? '—' },
            { key: 'type', title: t('admin.groups.type'), width: 120, render: (_, g) => <Tag>{typeLabel(g.type)}</Tag> },
            { key: 'members', title: t('admin.groups.members'), dataIndex: 'members', width: 100, align: 'right' },
          ]}
        />
      </Card>
    </div>
  );
}
