import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import type { OnDuty } from '../api/incidents';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useOrgTree } from '@/features/org/hooks/useOrgTree';
import { useStartableProcesses } from '@/features/start/hooks/useStart';
import { useActiveDuty, useCommunityModes } from '../hooks/useIncidents';
import { CityModeTag } from './CityModeTag';

export const MODE_SWITCH_PROCESS = 'mode-switch';

/**
 * The mode of every community; whoever may start 平战转换 (the city commander) gets the button for it. A community at
 * war footing lists who stands duty in its micro-grids (微网格值守).
 */
export function ModePanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const org = useOrgTree();
  const modes = useCommunityModes();
  const duty = useActiveDuty();
  const startable = useStartableProcesses();
  const canSwitch = startable.data?.some((p) => p.key === MODE_SWITCH_PROCESS) ?? false;

  return (
    <Card
      size="small"
      title={t('incidents.mode.panelTitle')}
      data-testid="mode-panel"
      style={{ marginBottom: 16 }}
      extra={
        canSwitch && (
          <Button
            size="small"
            icon={<ThunderboltOutlined />}
            onClick={() => navigate(`/start/${MODE_SWITCH_PROCESS}`)}
            data-testid="mode-switch-start"
          >
            {t('incidents.mode.switch')}
          </Button>
        )
      }
    >
      {org.isPending || modes.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : org.isError || modes.isError ? (
        <Alert type="error" showIcon title={(org.error ?? modes.error)?.message} />
      ) : (
        <Flex gap={16} wrap>
          {org.data.communities.map((c) => (
            <Flex key={c.id} vertical gap={4} data-testid={`mode-${c.id}`}>
              <Flex gap={4} align="center">
                <Typography.Text>{c.name}</Typography.Text>
                <CityModeTag mode={modes.data[c.id]} testId={`mode-tag-${c.id}`} />
              </Flex>
              <DutyList communityId={c.id} duty={(duty.data ?? []).filter((d) => d.communityId === c.id)} />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function DutyList({ communityId, duty }: { communityId: string; duty: OnDuty[] }) {
  const { t } = useTranslation();
  if (duty.length === 0) return null;
  return (
    <div data-testid={`duty-${communityId}`}>
      <Typography.Text type="secondary">{t('incidents.mode.onDuty')}</Typography.Text>
      {duty.map((d) => (
        <div key={`${d.microGridId}-${d.personName}-${d.role}`} data-testid="duty-person">
          <Typography.Text>
            {d.microGridName} · {d.personName}（{d.role}，{d.shift}）
          </Typography.Text>
          {d.phone && <Typography.Text type="secondary"> {d.phone}</Typography.Text>}
        </div>
      ))}
    </div>
  );
}
