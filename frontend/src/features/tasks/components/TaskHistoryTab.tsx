import { Alert, Empty, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/dates';
import type { HistoryType } from '../api/types';
import { useTaskHistory } from '../hooks/useTaskQueries';

const COLORS: Record<HistoryType, string> = {
  START: 'blue',
  TASK_CREATED: 'blue',
  TASK_COMPLETED: 'green',
  CLAIM: 'gray',
  ASSIGN: 'gray',
  COMMENT: 'purple',
  AUTO_DISPATCH: 'blue',
  END: 'green',
};

export function TaskHistoryTab({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const history = useTaskHistory(taskId);
  if (history.isPending) return <Spin />;
  if (history.isError) return <Alert type="error" showIcon title={history.error.message} />;
  if (history.data.length === 0) return <Empty description={t('history.empty')} />;
  return (
    <Timeline
      data-testid="task-history"
      items={history.data.map((entry, i) => ({
        key: `${entry.time}-${i}`,
        color: COLORS[entry.type] ?? 'gray',
        title: formatDateTime(entry.time),
        content: (
          <div>
            <Typography.Text strong>{t(`history.types.${entry.type}`, { defaultValue: entry.type })}</Typography.Text>
            {entry.activityName && <Typography.Text> · {entry.activityName}</Typography.Text>}
            {(entry.userName || entry.userId) && (
              <Typography.Text type="secondary"> · {entry.userName || entry.userId}</Typography.Text>
            )}
            {entry.message && <Typography.Paragraph style={{ margin: 0 }}>{entry.message}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}
