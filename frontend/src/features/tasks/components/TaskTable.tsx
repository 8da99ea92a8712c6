import { Table, Tag, Typography } from 'antd';
import type { SorterResult, SortOrder as AntSortOrder } from 'antd/es/table/interface';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { SlaTag } from '@/components/SlaTag';
import { formatDateTime, formatDateTimeShort } from '@/lib/dates';
import type { Page, TaskListParams, TaskSort, TaskSummary } from '../api/types';
import { DEFAULT_PAGE_SIZE, type TaskListPatch } from '../hooks/useTaskListParams';

export interface TaskTableProps {
  page: Page<TaskSummary> | undefined;
  loading: boolean;
  params: TaskListParams;
  onChange: (patch: TaskListPatch) => void;
  onOpen: (task: TaskSummary) => void;
  orgName: (id: string | null | undefined) => string | undefined;
}

const SORTABLE: readonly TaskSort[] = ['created', 'due', 'priority'];
/** What the server does without a sort parameter; shown as the active sort so the UI tells the truth. */
const DEFAULT_SORT: TaskSort = 'created';

function isSortable(key: unknown): key is TaskSort {
  return typeof key === 'string' && (SORTABLE as readonly string[]).includes(key);
}

export function TaskTable({ page, loading, params, onChange, onOpen, orgName }: TaskTableProps) {
  const { t } = useTranslation();
  const activeSort = params.sort ?? DEFAULT_SORT;
  const activeOrder = params.order ?? 'desc';
  const sortOrderOf = (key: TaskSort): AntSortOrder =>
    key === activeSort ? (activeOrder === 'asc' ? 'ascend' : 'descend') : null;

  const columns: ColumnsType<TaskSummary> = [
    {
      key: 'name',
      title: t('tasks.columns.name'),
      dataIndex: 'name',
      width: 110,
      render: (_, task) => (
        <div>
          <Typography.Text strong>{task.name}</Typography.Text>
          {task.processName && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {task.processName}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'title',
      title: t('tasks.columns.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title?: string | null) => title || '—',
    },
    {
      key: 'businessKey',
      title: t('tasks.columns.businessKey'),
      dataIndex: 'businessKey',
      responsive: ['md'],
      width: 130,
      render: (v?: string | null) => (v ? <Typography.Text copyable={{ text: v }}>{v}</Typography.Text> : '—'),
    },
    {
      key: 'grid',
      title: t('tasks.columns.grid'),
      responsive: ['md'],
      width: 90,
      ellipsis: true,
      render: (_, task) => orgName(task.gridId) ?? orgName(task.communityId) ?? '—',
    },
    {
      key: 'assignee',
      title: t('tasks.columns.assignee'),
      width: 90,
      ellipsis: true,
      render: (_, task) =>
        task.assignee ? task.assigneeName || task.assignee : <Tag>{t('tasks.unassigned')}</Tag>,
    },
    {
      key: 'due',
      title: t('tasks.columns.due'),
      sorter: true,
      sortOrder: sortOrderOf('due'),
      width: 170,
      render: (_, task) => (
        <span className="gf-due" title={formatDateTime(task.due)}>
          {task.due ? formatDateTimeShort(task.due) : '—'} <SlaTag sla={task.sla} />
        </span>
      ),
    },
    {
      key: 'created',
      title: t('tasks.columns.created'),
      sorter: true,
      sortOrder: sortOrderOf('created'),
      responsive: ['xl'],
      width: 110,
      render: (_, task) => <span title={formatDateTime(task.created)}>{formatDateTimeShort(task.created)}</span>,
    },
    {
      key: 'priority',
      title: t('tasks.columns.priority'),
      dataIndex: 'priority',
      sorter: true,
      sortOrder: sortOrderOf('priority'),
      responsive: ['xxl'],
      width: 80,
    },
  ];

  const handleChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<TaskSummary> | SorterResult<TaskSummary>[],
  ) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = s?.order && isSortable(s.columnKey) ? s.columnKey : undefined;
    const order = s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : undefined;
    const nextSort = sort ?? DEFAULT_SORT;
    const nextOrder = sort ? order : 'desc';
    const sortChanged = nextSort !== activeSort || nextOrder !== activeOrder;
    const size = pagination.pageSize ?? params.size;
    onChange({
      // Cleared sorting goes back to the server default instead of a meaningless "unsorted".
      sort: sort === DEFAULT_SORT && nextOrder === 'desc' ? undefined : sort,
      order: sort === DEFAULT_SORT && nextOrder === 'desc' ? undefined : nextOrder,
      size: size === DEFAULT_PAGE_SIZE ? undefined : size,
      page: sortChanged || size !== params.size ? 0 : Math.max(0, (pagination.current ?? 1) - 1),
    });
  };

  return (
    <Table<TaskSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      onChange={handleChange}
      // Laptop screens fit without scrolling; narrower ones scroll sideways, with the least
      // important columns (created, priority, business key, grid) dropped first via `responsive`.
      scroll={{ x: 850 }}
      locale={{ emptyText: t('tasks.empty') }}
      pagination={{
        current: params.page + 1,
        pageSize: params.size,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('tasks.total', { total }),
      }}
      onRow={(task) =>
        ({
          'data-testid': 'task-row',
          'data-task-name': task.name,
          'data-task-id': task.id,
          'data-task-key': task.taskDefinitionKey,
          className: 'gf-task-row',
          tabIndex: 0,
          onClick: () => onOpen(task),
          onKeyDown: (e) => {
            if (e.key === 'Enter') onOpen(task);
          },
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
