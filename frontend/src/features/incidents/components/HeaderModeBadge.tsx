import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyMode } from '../hooks/useIncidents';

/**
 * 平时 / 战时 in the app header for everyone signed in: the mode of the user's own communities, or of the city (war
 * as soon as one community is at war). A war mode is red and names the communities at war.
 */
export function HeaderModeBadge() {
  const { t } = useTranslation();
  const myMode = useMyMode();
  if (!myMode.data) return null;
  const war = myMode.data.mode === 'WAR';
  const where = myMode.data.warCommunities.map((c) => c.name).join('、');
  const label = t(war ? 'incidents.mode.WAR' : 'incidents.mode.PEACE');
  return (
    <Tooltip title={war ? t('incidents.mode.warIn', { communities: where }) : t(`incidents.mode.scope.${myMode.data.scope}`)}>
      <Tag color={war ? 'red' : 'green'} data-testid="header-mode" data-mode={war ? 'WAR' : 'PEACE'} style={{ marginInlineEnd: 0 }}>
        {war && myMode.data.scope === 'CITY' ? `${label} · ${where}` : label}
      </Tag>
    </Tooltip>
  );
}
