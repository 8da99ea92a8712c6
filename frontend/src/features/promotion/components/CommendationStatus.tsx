import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommendationSummary } from '../api/promotion';

const COLORS: Record<string, string> = { COMMENDED: 'green', NOT_COMMENDED: 'red', SCREENED_OUT: 'red' };

/** The outcome of an ended nomination, or the step it is at now. */
export function CommendationStatus({ c }: { c: CommendationSummary }) {
  const { t } = useTranslation();
  if (c.commendationStatus) {
    return (
      <Tag color={COLORS[c.commendationStatus]} data-testid={`commendation-status-${c.processInstanceId}`}>
        {t(`promotion.commendation.status.${c.commendationStatus}`)}
      </Tag>
    );
  }
  return (
    <Tag color="blue" data-testid={`commendation-status-${c.processInstanceId}`}>
      {c.currentSteps.join('、') || t('promotion.commendation.status.RUNNING')}
    </Tag>
  );
}
