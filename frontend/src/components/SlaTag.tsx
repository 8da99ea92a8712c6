import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export type Sla = 'NONE' | 'ON_TIME' | 'NEAR_DUE' | 'OVERDUE' | 'LEVEL3';

const COLORS: Record<Exclude<Sla, 'NONE'>, string> = {
  ON_TIME: 'green',
  NEAR_DUE: 'orange',
  OVERDUE: 'red',
  LEVEL3: 'magenta',
};

export interface SlaTagProps {
  sla: Sla | null | undefined;
}

/** The SLA clock state the server computed from the working-day calendar; NONE (no due date) renders nothing. */
export function SlaTag({ sla }: SlaTagProps) {
  const { t } = useTranslation();
  if (!sla || sla === 'NONE' || !(sla in COLORS)) return null;
  return (
    <Tag color={COLORS[sla]} data-testid="sla-tag" data-sla={sla}>
      {t(`sla.${sla}`)}
    </Tag>
  );
}
