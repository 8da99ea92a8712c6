import { App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAssignTask } from '../hooks/useTaskActions';
import { useTaskCandidates } from '../hooks/useTaskQueries';
import { showActionError } from './actionError';

export interface AssignModalProps {
  taskId: string;
  open: boolean;
  onClose: () => void;
}

export function AssignModal({ taskId, open, onClose }: AssignModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ userId: string }>();
  const candidates = useTaskCandidates(taskId, open);
  const assign = useAssignTask(taskId);

  const submit = async () => {
    const { userId } = await form.validateFields();
    assign.mutate(userId, {
      onSuccess: () => {
        message.success(t('task.assigned'));
        form.resetFields();
        onClose();
      },
      onError: (error) => showActionError(message, t, error),
    });
  };

  return (
    <Modal
      open={open}
      title={t('task.assignTitle')}
      okText={t('task.actions.assign')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="userId" label={t('task.assignTo')} rules={[{ required: true, message: t('task.assignRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={candidates.isPending}
            options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.id})` }))}
            notFoundContent={candidates.isError ? candidates.error.message : undefined}
            data-testid="task-assign-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
