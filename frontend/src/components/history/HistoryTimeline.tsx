import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/dates';

/** One entry of an instance's history as the backend's HistoryTimeline returns it (task history, event record). */
export interface HistoryTimelineEntry {
  time: string;
  type: string;
  activityId?: string | null;
  activityName?: string | null;
  userId?: string | null;
  userName?: string | null;
  message?: string | null;
}

const COLORS: Record<string, string> = {
  START: 'blue',
  TASK_CREATED: 'blue',
  TASK_COMPLETED: 'green',
  CLAIM: 'gray',
  ASSIGN: 'gray',
  COMMENT: 'purple',
  PHOTO: 'cyan',
  AUTO_DISPATCH: 'blue',
  END: 'green',
};

export interface HistoryTimelineProps {
  entries: HistoryTimelineEntry[];
  /** i18n prefix of the type labels: a feature words them its own way (an event's START is "上报"). */
  labels: string;
  /** Shown when there is nothing yet. */
  emptyText: string;
  /** data-testid of the list; each entry is `${testId}-entry` with its type in data-type. */
  testId: string;
}

/** Who did what when on a process instance: one line an entry, coloured by what happened. */
export function HistoryTimeline({ entries, labels, emptyText, testId }: HistoryTimelineProps) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty description={emptyText} />;
  return (
    <Timeline
      data-testid={testId}
      items={entries.map((entry, i) => ({
        key: `${entry.time}-${i}`,
        color: COLORS[entry.type] ?? 'gray',
        title: formatDateTime(entry.time),
        content: (
          <div data-testid={`${testId}-entry`} data-type={entry.type}>
            <Typography.Text strong>{t(`${labels}.${entry.type}`, { defaultValue: entry.type })}</Typography.Text>
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
