import { Button, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useOrgTree } from '@/features/org/hooks/useOrgTree';
import { cityToday } from '@/lib/dates';
import type { MetricsFilter } from '../api/metrics';

const CATEGORIES = ['SAFETY_HAZARD', 'DANGEROUS_HOUSE', 'DISPUTE', 'ENV_CLUTTER', 'FACILITY_DAMAGE', 'FOOD',
  'MARKET_ORDER', 'SPECIAL_CARE', 'EPIDEMIC_TASK', 'EMERGENCY_TASK'];
const SOURCES = ['GRID_PATROL', 'RESIDENT_APP', 'HOTLINE_12345', 'IOT_ALERT', 'CITY_COMMAND'];
const MODES = ['PEACE', 'WAR'];

export const DEFAULT_DAYS = 30;

export function defaultFilter(): MetricsFilter {
  const today = cityToday();
  return {
    from: today.subtract(DEFAULT_DAYS - 1, 'day').format('YYYY-MM-DD'),
    to: today.format('YYYY-MM-DD'),
  };
}

/** One clearable dimension of a dashboard filter (community, department, category, …). */
export function FilterSelect({ testId, placeholder, value, options, onChange }: {
  testId: string;
  placeholder: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Select
      data-testid={testId}
      allowClear
      placeholder={placeholder}
      style={{ minWidth: 140 }}
      value={value}
      options={options}
      onChange={onChange}
    />
  );
}

export function FilterBar({ value, onChange }: { value: MetricsFilter; onChange: (f: MetricsFilter) => void }) {
  const { t } = useTranslation();
  const org = useOrgTree();
  const communities = org.data?.communities ?? [];
  const grids = communities.filter((c) => !value.communityId || c.id === value.communityId).flatMap((c) => c.grids);
  const set = (patch: Partial<MetricsFilter>) => onChange({ ...value, ...patch });
  const select = (testId: string, placeholder: string, current: string | undefined,
    options: { value: string; label: string }[], patch: (v: string | undefined) => Partial<MetricsFilter>) => (
    <FilterSelect testId={testId} placeholder={placeholder} value={current} options={options}
      onChange={(v) => set(patch(v))} />
  );
  return (
    <Flex gap={8} wrap align="center" data-testid="dashboard-filters">
      <DatePicker.RangePicker
        aria-label={t('dashboard.filter.range')}
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        onChange={(range) => {
          if (range?.[0] && range[1]) set({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
        }}
      />
      {select('filter-community', t('dashboard.filter.community'), value.communityId,
        communities.map((c) => ({ value: c.id, label: c.name })), (v) => ({ communityId: v, gridId: undefined }))}
      {select('filter-grid', t('dashboard.filter.grid'), value.gridId,
        grids.map((g) => ({ value: g.id, label: g.name })), (v) => ({ gridId: v }))}
      {select('filter-department', t('dashboard.filter.department'), value.departmentId,
        (org.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name })), (v) => ({ departmentId: v }))}
      {select('filter-category', t('dashboard.filter.category'), value.category,
        CATEGORIES.map((c) => ({ value: c, label: t(`dashboard.category.${c}`) })), (v) => ({ category: v }))}
      {select('filter-source', t('dashboard.filter.source'), value.source,
        SOURCES.map((s) => ({ value: s, label: t(`dashboard.source.${s}`) })), (v) => ({ source: v }))}
      {select('filter-mode', t('dashboard.filter.mode'), value.mode,
        MODES.map((m) => ({ value: m, label: t(`dashboard.mode.${m}`) })), (v) => ({ mode: v }))}
      <Button onClick={() => onChange(defaultFilter())}>{t('dashboard.filter.reset')}</Button>
    </Flex>
  );
}
