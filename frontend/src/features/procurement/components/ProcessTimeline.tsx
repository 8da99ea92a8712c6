import { Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '@/lib/dates';
import type { TimelineEntry } from '../api/procurement';

/** Who did what when on a catalogue item or a contract, from the engine's history. */
export function ProcessTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <Empty />;
  return (
    <Timeline
      data-testid="procurement-timeline"
      items={entries.map((entry, i) => ({
        key: `${entry.time}-${i}`,
        color: entry.finished ? 'green' : 'blue',
        title: formatDateTime(entry.time),
        content: (
          <Typography.Text>
            {entry.activityName ?? entry.activityId}
            {entry.userName && <Typography.Text type="secondary"> · {entry.userName}</Typography.Text>}
          </Typography.Text>
        ),
      }))}
    />
  );
}
