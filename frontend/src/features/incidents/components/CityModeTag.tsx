import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CityMode } from '../api/incidents';

/** 平时 / 战时 badge; anything but WAR reads as peace, as the server treats a community without a mode row. */
export function CityModeTag({ mode, testId }: { mode: CityMode | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  const war = mode === 'WAR';
  return (
    <Tag color={war ? 'red' : 'green'} data-testid={testId ?? 'city-mode'} data-mode={war ? 'WAR' : 'PEACE'}>
      {t(war ? 'incidents.mode.WAR' : 'incidents.mode.PEACE')}
    </Tag>
  );
}
