import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Card, Form, Input, Modal, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { useOrgTree } from '@/features/org/hooks/useOrgTree';
import { type ApiError, isApiError } from '@/lib/api-error';
import type { DutyDraft, DutyEntry } from '../api/admin';
import { useCreateDutyEntry, useDeleteDutyEntry, useDutyRosters } from '../hooks/useAdmin';
import { AdminNav } from './AdminNav';

/** 微网格值守名单: who stands duty in each micro-grid once its community is switched to war footing. */
export function DutyRosterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rosters = useDutyRosters();
  const org = useOrgTree();
  const remove = useDeleteDutyEntry();
  const [adding, setAdding] = useState(false);
  const microGrids = (org.data?.communities ?? []).flatMap((c) => c.grids.flatMap((g) => g.microGrids));
  const nameOf = (id: string) => microGrids.find((m) => m.id === id)?.name ?? id;

  return (
    <div className="gf-page" data-testid="duty-roster-page">
      <AdminNav />
      <PageHeader
        title={t('admin.duty.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="duty-add">
            {t('admin.duty.add')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('admin.duty.explain')}</Typography.Paragraph>
      {rosters.isError && <Alert type="error" showIcon title={rosters.error.message} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<DutyEntry>
          rowKey="id"
          size="small"
          loading={rosters.isFetching}
          dataSource={rosters.data ?? []}
          pagination={false}
          locale={{ emptyText: t('admin.duty.empty') }}
          onRow={(e) => ({ 'data-testid': 'duty-row', 'data-id': e.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'microGrid', title: t('admin.duty.microGrid'), render: (_, e) => nameOf(e.microGridId) },
            { key: 'person', title: t('admin.duty.person'), render: (_, e) => (e.userId ? `${e.personName}（${e.userId}）` : e.personName) },
            { key: 'role', title: t('admin.duty.role'), dataIndex: 'role' },
            { key: 'shift', title: t('admin.duty.shift'), dataIndex: 'shift' },
            { key: 'phone', title: t('admin.duty.phone'), render: (_, e) => e.phone ?? '—' },
            {
              key: 'actions',
              title: '',
              width: 60,
              render: (_, e) => (
                <Popconfirm
                  title={t('admin.duty.confirmDelete', { name: e.personName })}
                  onConfirm={() =>
                    remove.mutate(e.id, {
                      onError: (error) => void message.error(isApiError(error) ? error.message : t('errors.unexpected')),
                    })
                  }
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="duty-delete" />
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      {adding && (
        <DutyModal
          microGrids={microGrids}
          onClose={() => setAdding(false)}
          onSaved={(e) => {
            setAdding(false);
            void message.success(t('admin.duty.saved', { name: e.personName }));
          }}
        />
      )}
    </div>
  );
}

function DutyModal({
  microGrids,
  onClose,
  onSaved,
}: {
  microGrids: { id: string; name: string }[];
  onClose: () => void;
  onSaved: (entry: DutyEntry) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DutyDraft>();
  const create = useCreateDutyEntry();
  const [rejected, setRejected] = useState<ApiError | null>(null);
  const submit = (values: DutyDraft) => {
    setRejected(null);
    create.mutate(values, {
      onSuccess: onSaved,
      onError: (error) => setRejected(isApiError(error) ? error : null),
    });
  };
  const required = { required: true, whitespace: true, message: t('admin.duty.required') };
  return (
    <Modal
      open
      title={t('admin.duty.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'duty-save' } as ButtonProps}
      destroyOnHidden
    >
      {rejected && <Alert type="error" showIcon title={rejected.message} style={{ marginBottom: 16 }} data-testid="duty-error" />}
      <Form<DutyDraft> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="microGridId" label={t('admin.duty.microGrid')} rules={[{ required: true, message: t('admin.duty.required') }]}>
          <Select options={microGrids.map((m) => ({ value: m.id, label: m.name }))} data-testid="duty-micro-grid" />
        </Form.Item>
        <Form.Item name="personName" label={t('admin.duty.person')} rules={[required, { max: 64 }]}>
          <Input data-testid="duty-person" />
        </Form.Item>
        <Form.Item name="userId" label={t('admin.duty.userId')} extra={t('admin.duty.userIdHint')}>
          <Input data-testid="duty-user" />
        </Form.Item>
        <Form.Item name="role" label={t('admin.duty.role')} rules={[required, { max: 64 }]}>
          <Input data-testid="duty-role" />
        </Form.Item>
        <Form.Item name="shift" label={t('admin.duty.shift')} rules={[required, { max: 64 }]}>
          <Input data-testid="duty-shift" />
        </Form.Item>
        <Form.Item name="phone" label={t('admin.duty.phone')}>
          <Input data-testid="duty-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
