import { Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dates';
import { useServerPagination } from '@/hooks/useServerPagination';
import type { ModelKind, ModelSummary } from '../api/designer';
import { useModels } from '../hooks/useDesigner';
import { KIND_COLORS, kindPath } from './kinds';

/** Every deployed process, decision and form, with its latest version, author, time and running instances. */
export function LibraryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<ModelKind | undefined>();
  const [text, setText] = useState('');
  const { page, setPage, size, pagination } = useServerPagination({ sizeChanger: true });
  const models = useModels({ kind, text, page, size });

  return (
    <div className="gf-page" data-testid="designer-library">
      <PageHeader title={t('designer.library.title')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('designer.library.allKinds')}
          value={kind}
          onChange={(v: ModelKind | undefined) => {
            setKind(v);
            setPage(0);
          }}
          options={(['PROCESS', 'DECISION', 'FORM'] as const).map((k) => ({ value: k, label: t(`designer.kind.${k}`) }))}
          data-testid="library-kind"
        />
        <Input.Search
          allowClear
          placeholder={t('designer.library.search')}
          onSearch={(v) => {
            setText(v);
            setPage(0);
          }}
          style={{ width: 260 }}
          data-testid="library-search"
        />
      </Space>
      <Table<ModelSummary>
        rowKey={(m) => `${m.kind}/${m.key}`}
        loading={models.isPending}
        dataSource={models.data?.items ?? []}
        onRow={(m) => ({
          onClick: () => navigate(`/designer/${kindPath(m.kind)}/${encodeURIComponent(m.key)}`),
          style: { cursor: 'pointer' },
          'data-testid': `library-row-${m.key}`,
        } as React.HTMLAttributes<HTMLElement>)}
        pagination={pagination(models.data)}
        columns={[
          { title: t('designer.library.kind'), dataIndex: 'kind', width: 90, render: (k: ModelKind) => <Tag color={KIND_COLORS[k]}>{t(`designer.kind.${k}`)}</Tag> },
          {
            title: t('designer.library.name'),
            dataIndex: 'name',
            render: (_: unknown, m) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{m.name || m.key}</Typography.Text>
                <Typography.Text type="secondary" code>
                  {m.key}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('designer.library.latestVersion'),
            dataIndex: 'latestVersion',
            width: 110,
            render: (v: number, m) => <Tag data-testid={`library-version-${m.key}`}>v{v}</Tag>,
          },
          { title: t('designer.library.versions'), dataIndex: 'versions', width: 90 },
          { title: t('designer.library.running'), dataIndex: 'runningInstances', width: 110, render: (n: number | null) => n ?? '—' },
          { title: t('designer.library.deployedBy'), dataIndex: 'deployedBy', width: 140, render: (u: string | null) => u ?? t('designer.library.system') },
          { title: t('designer.library.deployedAt'), dataIndex: 'deployedAt', width: 170, render: (d: string | null) => (d ? formatDateTime(d) : '—') },
        ]}
      />
    </div>
  );
}
