import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  APPLIED: 'default',
  ELIGIBLE: 'blue',
  SCORED: 'blue',
  INELIGIBLE: 'red',
  SHORTLISTED: 'green',
  WAITLISTED: 'gold',
  IN_PUBLICITY: 'cyan',
  OFFERED: 'purple',
  ON_PROBATION: 'geekblue',
  APPOINTED: 'green',
  DISQUALIFIED: 'red',
  FORFEITED: 'volcano',
  PROBATION_FAILED: 'red',
  WAITLIST_EXPIRED: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid={`status-${status}`}>
      {t(`promotion.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function Reasons({ reasons }: { reasons: string[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <>
      {reasons.map((r) => (
        <Tag key={r} color="red" data-testid={`reason-${r}`}>
          {t(`promotion.reason.${r}`, { defaultValue: r })}
        </Tag>
      ))}
    </>
  );
}
