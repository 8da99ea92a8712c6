import { Alert, App, Button, Empty, Flex, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/dates';
import { useAddComment } from '../hooks/useTaskActions';
import { useTaskComments } from '../hooks/useTaskQueries';
import { showActionError } from './actionError';

export function TaskCommentsTab({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const comments = useTaskComments(taskId);
  const add = useAddComment(taskId);
  const [text, setText] = useState('');

  const submit = () => {
    const value = text.trim();
    if (!value) return;
    add.mutate(value, {
      onSuccess: () => setText(''),
      onError: (error) => showActionError(message, t, error),
    });
  };

  return (
    <Flex vertical gap={16}>
      {comments.isPending ? (
        <Spin />
      ) : comments.isError ? (
        <Alert type="error" showIcon title={comments.error.message} />
      ) : comments.data.length === 0 ? (
        <Empty description={t('comments.empty')} />
      ) : (
        <Flex vertical gap={12} data-testid="task-comments">
          {comments.data.map((c) => (
            <div key={c.id} className="gf-comment">
              <Flex gap={8} wrap>
                <Typography.Text strong>{c.userName || c.userId}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(c.time)}</Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.message}</Typography.Paragraph>
            </div>
          ))}
        </Flex>
      )}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('comments.placeholder')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        data-testid="comment-input"
      />
      <Flex justify="flex-end">
        <Button type="primary" onClick={submit} loading={add.isPending} disabled={!text.trim()} data-testid="comment-submit">
          {t('comments.add')}
        </Button>
      </Flex>
    </Flex>
  );
}
