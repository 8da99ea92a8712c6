import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-error';
import type { FilterCriteria, TaskFilter } from '../api/types';
import { useCreateFilter } from '../hooks/useTaskActions';

export interface SaveFilterModalProps {
  open: boolean;
  criteria: FilterCriteria;
  onClose: () => void;
  onSaved: (filter: TaskFilter) => void;
}

export function SaveFilterModal({ open, criteria, onClose, onSaved }: SaveFilterModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateFilter();

  const save = async () => {
    const { name } = await form.validateFields();
    create.mutate(
      { name: name.trim(), criteria },
      {
        onSuccess: (filter) => {
          message.success(t('tasks.filters.saved'));
          form.resetFields();
          onSaved(filter);
        },
        onError: (error) => message.error(isApiError(error) ? error.message : t('errors.unexpected')),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('tasks.filters.saveTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void save().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'filter-save-ok' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Form.Item
          name="name"
          label={t('tasks.filters.name')}
          rules={[{ required: true, whitespace: true, message: t('tasks.filters.nameRequired') }, { max: 60 }]}
        >
          <Input autoFocus maxLength={60} data-testid="filter-save-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
