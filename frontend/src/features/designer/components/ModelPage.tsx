import { DiffOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dates';
import type { ModelVersion } from '../api/designer';
import { useContent, useDesignerMe, useVersions } from '../hooks/useDesigner';
import { KIND_COLORS, kindPath, parseKind } from './kinds';
import { MigrationModal } from './MigrationModal';
import { ModelViewer } from './ModelViewer';

/** One model: its versions with author, time and running instances, and a read-only view of a chosen version. */
export function ModelPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const kind = parseKind(params.kind) ?? 'PROCESS';
  const key = params.key ?? '';
  const me = useDesignerMe();
  const versions = useVersions(kind, key);
  // ?version=n: the version a task, an incident record or the 发起 page links to
  const [search] = useSearchParams();
  const requested = Number(search.get('version')) || undefined;
  const [selected, setSelected] = useState<number | undefined>(requested);
  const [migrating, setMigrating] = useState(false);
  const latest = versions.data?.[0];
  const shown = selected ?? latest?.version;
  const content = useContent(kind, key, shown);
  const canEdit = me.data?.canEdit === true;
  const base = `/designer/${kindPath(kind)}/${encodeURIComponent(key)}`;

  return (
    <div className="gf-page" data-testid="designer-model">
      <PageHeader
        title={latest?.name || key}
        subTitle={<Typography.Text code>{key}</Typography.Text>}
        tags={<Tag color={KIND_COLORS[kind]}>{t(`designer.kind.${kind}`)}</Tag>}
        onBack={() => navigate('/designer')}
        extra={
          canEdit && (
            <>
              {kind === 'PROCESS' && (versions.data?.length ?? 0) > 1 && (
                <>
                  <Button icon={<DiffOutlined />} onClick={() => navigate(`${base}/diff`)} data-testid="model-diff">
                    {t('designer.model.diff')}
                  </Button>
                  <Button icon={<SwapOutlined />} onClick={() => setMigrating(true)} data-testid="model-migrate">
                    {t('designer.model.migrate')}
                  </Button>
                </>
              )}
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`${base}/edit`)} data-testid="model-edit">
                {t('designer.model.edit')}
              </Button>
            </>
          )
        }
      />
      {!canEdit && me.isSuccess && <Alert type="info" showIcon title={t('designer.model.readOnly')} style={{ marginBottom: 16 }} />}
      {versions.isError && <Alert type="error" showIcon title={versions.error.message} />}
      <Card title={t('designer.model.versions')} size="small" style={{ marginBottom: 16 }}>
        <Table<ModelVersion>
          size="small"
          rowKey="id"
          loading={versions.isPending}
          dataSource={versions.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          onRow={(v) => ({ onClick: () => setSelected(v.version), style: { cursor: 'pointer' } })}
          rowClassName={(v) => (v.version === shown ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('designer.model.version'), dataIndex: 'version', render: (v: number) => <Tag data-testid={`version-${v}`}>v{v}</Tag> },
            { title: t('designer.library.deployedBy'), dataIndex: 'deployedBy', render: (u: string | null) => u ?? t('designer.library.system') },
            { title: t('designer.library.deployedAt'), dataIndex: 'deployedAt', render: (d: string | null) => formatDateTime(d) },
            { title: t('designer.model.source'), dataIndex: 'source', render: (s: string | null) => s ?? '—' },
            ...(kind === 'PROCESS'
              ? [{ title: t('designer.library.running'), dataIndex: 'runningInstances', render: (n: number | null) => n ?? 0 }]
              : []),
          ]}
        />
      </Card>
      <Card title={shown ? t('designer.model.viewing', { version: shown }) : ''} size="small">
        {content.isPending ? <Skeleton active /> : content.data && <ModelViewer kind={kind} content={content.data.content} />}
      </Card>
      {migrating && latest && versions.data && (
        <MigrationModal processKey={key} versions={versions.data} onClose={() => setMigrating(false)} />
      )}
    </div>
  );
}
