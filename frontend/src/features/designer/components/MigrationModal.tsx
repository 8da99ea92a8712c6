import { Alert, App, type ButtonProps, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MigrationInstance, ModelVersion } from '../api/designer';
import { useMigrate, useMigrationPreview } from '../hooks/useDesigner';

/** Moves running instances between versions where every activity they wait in exists (same id) in the target. */
export function MigrationModal({ processKey, versions, onClose }: { processKey: string; versions: ModelVersion[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const withInstances = versions.filter((v) => (v.runningInstances ?? 0) > 0 && v.version !== versions[0].version);
  const [from, setFrom] = useState<number | undefined>(withInstances[0]?.version);
  const [to, setTo] = useState<number>(versions[0].version);
  const preview = useMigrationPreview(processKey, from, to);
  const migrate = useMigrate(processKey);
  const movable = preview.data?.instances.filter((i) => i.movable).map((i) => i.id) ?? [];

  return (
    <Modal
      open
      width={880}
      title={t('designer.migration.title')}
      okText={t('designer.migration.run', { count: movable.length })}
      okButtonProps={{ disabled: movable.length === 0, loading: migrate.isPending, 'data-testid': 'migration-run' } as ButtonProps}
      onCancel={onClose}
      onOk={() =>
        from &&
        migrate.mutate(
          { from, to, ids: movable },
          {
            onSuccess: (r) => {
              message.success(t('designer.migration.done', { count: r.moved }));
              onClose();
            },
            onError: (e) => message.error(e.message),
          },
        )
      }
    >
      <Space style={{ marginBottom: 12 }}>
        {t('designer.migration.from')}
        <Select
          style={{ width: 120 }}
          value={from}
          onChange={setFrom}
          options={versions.map((v) => ({ value: v.version, label: `v${v.version} (${v.runningInstances ?? 0})` }))}
        />
        {t('designer.migration.to')}
        <Select style={{ width: 120 }} value={to} onChange={setTo} options={versions.map((v) => ({ value: v.version, label: `v${v.version}` }))} />
      </Space>
      {preview.isError && <Alert type="error" showIcon title={preview.error.message} />}
      <Table<MigrationInstance>
        size="small"
        rowKey="id"
        loading={preview.isFetching}
        dataSource={preview.data?.instances ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={[
          { title: t('designer.migration.instance'), dataIndex: 'businessKey', render: (b: string | null, i) => b ?? i.id },
          { title: t('designer.migration.waitingAt'), dataIndex: 'activeActivities', render: (a: string[]) => a.join(', ') },
          {
            title: t('designer.migration.movable'),
            dataIndex: 'movable',
            render: (m: boolean, i) =>
              m ? <Tag color="green">{t('designer.migration.yes')}</Tag> : <Tag color="red">{t('designer.migration.no', { ids: i.unmapped.join(', ') })}</Tag>,
          },
        ]}
      />
    </Modal>
  );
}
