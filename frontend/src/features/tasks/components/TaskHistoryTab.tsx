import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { HistoryTimeline } from '@/components/history/HistoryTimeline';
import { useTaskHistory } from '../hooks/useTaskQueries';

export function TaskHistoryTab({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const history = useTaskHistory(taskId);
  if (history.isPending) return <Spin />;
  if (history.isError) return <Alert type="error" showIcon title={history.error.message} />;
  return <HistoryTimeline entries={history.data} labels="history.types" emptyText={t('history.empty')} testId="task-history" />;
}
