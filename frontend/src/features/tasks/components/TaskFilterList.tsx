import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Popconfirm, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/lib/i18n';
import type { TaskFilter } from '../api/types';
import { filterName } from './filterName';

export interface TaskFilterListProps {
  filters: TaskFilter[] | undefined;
  loading: boolean;
  selected: string;
  onSelect: (id: string) => void;
  onDelete: (filter: TaskFilter) => void;
}

export function TaskFilterList({ filters, loading, selected, onSelect, onDelete }: TaskFilterListProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const lang = currentLanguage();
  // Wide screens: a vertical list beside the table; phones: a wrapping row of chips above it.
  const vertical = screens.lg ?? true;

  return (
    <Card size="small" title={t('tasks.filters.title')} className="gf-filter-card">
      {loading && !filters ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : (
        <Flex vertical={vertical} gap={vertical ? 2 : 8} wrap={!vertical} role="list" data-testid="filter-list">
          {(filters ?? []).map((f) => {
            const active = f.id === selected;
            return (
              <div
                key={f.id}
                role="listitem"
                className={`gf-filter${active ? ' gf-filter-active' : ''}${vertical ? '' : ' gf-filter-chip'}`}
                data-testid={`filter-${f.id}`}
                data-active={active}
                aria-current={active ? 'true' : undefined}
                tabIndex={0}
                onClick={() => onSelect(f.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(f.id);
                  }
                }}
              >
                <Typography.Text ellipsis className="gf-filter-name">
                  {filterName(f, lang)}
                </Typography.Text>
                <span className="gf-filter-count" data-testid={`filter-count-${f.id}`}>
                  {f.count}
                </span>
                {!f.builtIn && (
                  <Popconfirm
                    title={t('tasks.filters.deleteConfirm', { name: filterName(f, lang) })}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => onDelete(f)}
                  >
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('tasks.filters.delete')}
                      data-testid={`filter-delete-${f.id}`}
                      onClick={(e) => e.stopPropagation()}
                    />
                  </Popconfirm>
                )}
              </div>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
