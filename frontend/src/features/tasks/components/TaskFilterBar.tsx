import { ClearOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseApiDateTime, toApiDateTime } from '@/lib/dates';
import type { OrgTree } from '@/features/org/api/org';
import type { FilterFields } from '../api/types';
import type { TaskListPatch } from '../hooks/useTaskListParams';

export interface TaskFilterBarProps {
  values: FilterFields;
  onChange: (patch: TaskListPatch) => void;
  processOptions: { value: string; label: string }[];
  orgTree: OrgTree | undefined;
  onSave: () => void;
}

const COMMUNITY = 'community:';
const GRID = 'grid:';

export function TaskFilterBar({ values, onChange, processOptions, orgTree, onSave }: TaskFilterBarProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(values.text ?? '');

  // Follow the URL when it changes from elsewhere (filter switch, reset, back button).
  useEffect(() => setText(values.text ?? ''), [values.text]);

  // Communities and their grids in one picker: choosing a community narrows by communityId, a grid by gridId.
  const treeData = useMemo(
    () =>
      (orgTree?.communities ?? []).map((c) => ({
        value: `${COMMUNITY}${c.id}`,
        title: c.name,
        children: (c.grids ?? []).map((g) => ({ value: `${GRID}${g.id}`, title: g.name })),
      })),
    [orgTree],
  );

  const orgValue = values.gridId ? `${GRID}${values.gridId}` : values.communityId ? `${COMMUNITY}${values.communityId}` : undefined;
  const hasAny = Object.values(values).some(Boolean);

  return (
    <Flex gap={8} wrap className="gf-filter-bar" data-testid="filter-bar">
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('tasks.bar.process')}
        aria-label={t('tasks.bar.process')}
        style={{ minWidth: 160, flex: '1 1 160px' }}
        value={values.processKey}
        options={processOptions}
        onChange={(v: string | undefined) => onChange({ processKey: v })}
        data-testid="filter-process"
      />
      <TreeSelect
        allowClear
        showSearch={{ treeNodeFilterProp: 'title' }}
        placeholder={t('tasks.bar.org')}
        aria-label={t('tasks.bar.org')}
        style={{ minWidth: 180, flex: '1 1 180px' }}
        value={orgValue}
        treeData={treeData}
        treeDefaultExpandAll={false}
        onChange={(v: string | undefined) =>
          onChange({
            gridId: v?.startsWith(GRID) ? v.slice(GRID.length) : undefined,
            communityId: v?.startsWith(COMMUNITY) ? v.slice(COMMUNITY.length) : undefined,
          })
        }
        data-testid="filter-org"
      />
      <DatePicker
        placeholder={t('tasks.bar.dueAfter')}
        aria-label={t('tasks.bar.dueAfter')}
        value={parseApiDateTime(values.dueAfter) ?? null}
        onChange={(d) => onChange({ dueAfter: d ? toApiDateTime(d.startOf('day')) : undefined })}
        style={{ flex: '1 1 140px' }}
        data-testid="filter-due-after"
      />
      <DatePicker
        placeholder={t('tasks.bar.dueBefore')}
        aria-label={t('tasks.bar.dueBefore')}
        value={parseApiDateTime(values.dueBefore) ?? null}
        onChange={(d) => onChange({ dueBefore: d ? toApiDateTime(d.endOf('day')) : undefined })}
        style={{ flex: '1 1 140px' }}
        data-testid="filter-due-before"
      />
      <Input.Search
        allowClear
        placeholder={t('tasks.bar.text')}
        aria-label={t('tasks.bar.text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => onChange({ text: v.trim() || undefined })}
        style={{ flex: '2 1 200px' }}
        data-testid="filter-text"
      />
      <Button
        icon={<ClearOutlined />}
        disabled={!hasAny}
        onClick={() =>
          onChange({ processKey: undefined, gridId: undefined, communityId: undefined, dueAfter: undefined, dueBefore: undefined, text: undefined })
        }
        data-testid="filter-reset"
      >
        {t('tasks.bar.reset')}
      </Button>
      <Button icon={<SaveOutlined />} onClick={onSave} data-testid="filter-save">
        {t('tasks.bar.save')}
      </Button>
    </Flex>
  );
}
