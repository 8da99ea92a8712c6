import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HistoryTimeline, type HistoryTimelineEntry } from './HistoryTimeline';

const entries: HistoryTimelineEntry[] = [
  { time: '2026-11-27T08:00:00.000+0800', type: 'START', activityName: '网格员巡查上报', userId: 'grid0101', userName: '张伟' },
  { time: '2026-11-27T08:05:00.000+0800', type: 'ASSIGN', userId: 'enforce2', userName: null, message: 'enforce' },
  { time: '2026-11-27T08:06:00.000+0800', type: 'PHOTO', userId: 'grid0101', userName: '张伟', message: 'scene.png' },
];

describe('HistoryTimeline', () => {
  it('words each entry with the feature’s own labels: who, which step and the message', () => {
    render(<HistoryTimeline entries={entries} labels="incidents.timeline" emptyText="none" testId="incident-timeline" />);
    const lines = within(screen.getByTestId('incident-timeline')).getAllByTestId('incident-timeline-entry');
    expect(lines.map((l) => l.getAttribute('data-type'))).toEqual(['START', 'ASSIGN', 'PHOTO']);
    expect(lines[0]).toHaveTextContent('上报 · 网格员巡查上报 · 张伟');
    // no name known: the id stands in; the assignment names who assigned
    expect(lines[1]).toHaveTextContent('指派 · enforce2');
    expect(lines[1]).toHaveTextContent('enforce');
    expect(lines[2]).toHaveTextContent('上传照片 · 张伟scene.png');
  });

  it('takes the task history’s labels where it is told to', () => {
    render(<HistoryTimeline entries={entries.slice(0, 1)} labels="history.types" emptyText="none" testId="task-history" />);
    expect(screen.getByTestId('task-history-entry')).toHaveTextContent('发起流程 · 网格员巡查上报 · 张伟');
  });

  it('shows the empty text when nothing happened yet', () => {
    render(<HistoryTimeline entries={[]} labels="history.types" emptyText="暂无记录" testId="task-history" />);
    expect(screen.queryByTestId('task-history')).not.toBeInTheDocument();
    expect(screen.getByText('暂无记录')).toBeInTheDocument();
  });
});
