import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  PUBLISHED: 'green',
  IN_FORCE: 'green',
  COMPLETED: 'blue',
  PROPOSED: 'gold',
  PLANNED: 'gold',
  PROCURING: 'gold',
  DRAFTING: 'gold',
  SUSPENDED: 'orange',
  TERMINATING: 'orange',
  TERMINATION_PENDING: 'orange',
  REMOVED: 'default',
  REJECTED_NEGATIVE_LIST: 'red',
  NOT_APPROVED: 'red',
  BUDGET_REJECTED: 'red',
  TERMINATED_TAKEN_BACK: 'red',
  CANCELLED: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid="procurement-status" data-status={status}>
      {t(`procurement.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

const GRADE_COLORS: Record<string, string> = { 优: 'green', 良: 'blue', 中: 'gold', 差: 'red' };

export function GradeTag({ grade }: { grade: string }) {
  return (
    <Tag color={GRADE_COLORS[grade] ?? 'default'} data-testid="grade" data-grade={grade}>
      {grade}
    </Tag>
  );
}
