import { App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestCoordination, requestExtension, taskKeys } from '../api/tasks';
import type { TaskDetail } from '../api/types';
import { showActionError } from './actionError';

type Kind = 'extension' | 'coordination';

/**
 * What the holder of a department handling task (部门处置) may ask for besides completing it: an extension of the
 * deadline and joint coordination with other departments. The server checks every rule again.
 */
export function HandlingRequests({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Kind | null>(null);
  const [form] = Form.useForm<{ workdays?: number; reason: string }>();
  const extensionUsed = task.variables?.extensionUsed === true;

  const send = useMutation({
    mutationFn: ({ kind, workdays, reason }: { kind: Kind; workdays?: number; reason: string }) =>
      kind === 'extension' ? requestExtension(task.id, workdays ?? 0, reason) : requestCoordination(task.id, reason),
    onSuccess: (_, { kind }) => {
      void message.success(t(kind === 'extension' ? 'handling.extensionSent' : 'handling.coordinationSent'));
      setOpen(null);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    },
    onError: (error) => showActionError(message, t, error),
  });

  return (
    <>
      <Button
        onClick={() => setOpen('extension')}
        disabled={extensionUsed}
        title={extensionUsed ? t('handling.extensionUsed') : undefined}
        data-testid="task-request-extension"
      >
        {t('handling.extension')}
      </Button>
      <Button onClick={() => setOpen('coordination')} data-testid="task-request-coordination">
        {t('handling.coordination')}
      </Button>
      <Modal
        open={open !== null}
        title={t(open === 'extension' ? 'handling.extensionTitle' : 'handling.coordinationTitle')}
        okText={t('handling.submit')}
        confirmLoading={send.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => void form.validateFields().then((values) => open && send.mutate({ kind: open, ...values }))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {open === 'extension' && (
            <Form.Item name="workdays" label={t('handling.workdays')} rules={[{ required: true }]} initialValue={3}>
              <InputNumber min={1} max={10} precision={0} data-testid="extension-workdays" />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('handling.reason')}
            rules={[{ required: true, whitespace: true, message: t('handling.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="handling-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
