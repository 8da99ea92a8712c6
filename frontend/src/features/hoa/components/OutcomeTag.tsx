import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  IMPLEMENTED_ARCHIVED: 'success',
  REJECTED_PARTY_REVIEW: 'error',
  REJECTED_BY_VOTE: 'error',
  FAILED_NO_QUORUM: 'warning',
  WITHDRAWN: 'default',
  REVOKED: 'error',
};

export function OutcomeTag({ outcome }: { outcome: string | null }) {
  const { t } = useTranslation();
  if (!outcome) return <Tag color="processing">{t('hoa.inProgress')}</Tag>;
  return <Tag color={COLORS[outcome] ?? 'default'}>{t(`hoa.outcomes.${outcome}`, { defaultValue: outcome })}</Tag>;
}
