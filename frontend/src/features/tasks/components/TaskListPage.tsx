import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { useOrgNames, useOrgTree } from '@/features/org/hooks/useOrgTree';
import { isApiError } from '@/lib/api-error';
import type { FilterCriteria, TaskFilter, TaskScope } from '../api/types';
import { useDeleteFilter } from '../hooks/useTaskActions';
import { activeFields, DEFAULT_FILTER, FIELD_KEYS, useTaskListParams } from '../hooks/useTaskListParams';
import { useProcessOptions, useTaskFilters, useTaskList } from '../hooks/useTaskQueries';
import { SaveFilterModal } from './SaveFilterModal';
import { TaskFilterBar } from './TaskFilterBar';
import { TaskFilterList } from './TaskFilterList';
import { TaskTable } from './TaskTable';

const SCOPES: readonly TaskScope[] = ['mine', 'group', 'all'];

export function TaskListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { params, update, search } = useTaskListParams();
  const filters = useTaskFilters();
  const list = useTaskList(params);
  const processes = useProcessOptions();
  const orgTree = useOrgTree();
  const orgName = useOrgNames();
  const deleteFilter = useDeleteFilter();
  const [saving, setSaving] = useState(false);

  const currentFilter = filters.data?.find((f) => f.id === params.filter);
  const fields = activeFields(params);

  // A saved filter keeps the selected filter's scope and criteria, narrowed by what the bar adds.
  const scope: TaskScope =
    currentFilter?.criteria?.scope ?? (SCOPES.includes(params.filter as TaskScope) ? (params.filter as TaskScope) : 'all');
  const criteriaToSave: FilterCriteria = { ...currentFilter?.criteria, ...fields, scope };

  // Startable processes plus any seen in the current page, so the select offers what the list shows.
  const processOptions = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const p of processes.data ?? []) byKey.set(p.key, p.name || p.key);
    for (const task of list.data?.items ?? []) {
      if (!byKey.has(task.processDefinitionKey)) byKey.set(task.processDefinitionKey, task.processName || task.processDefinitionKey);
    }
    return [...byKey].map(([value, label]) => ({ value, label }));
  }, [processes.data, list.data]);

  const selectFilter = (id: string) => {
    const clear = Object.fromEntries(FIELD_KEYS.map((k) => [k, undefined]));
    update({ ...clear, filter: id === DEFAULT_FILTER ? undefined : id });
  };

  const removeFilter = (filter: TaskFilter) =>
    deleteFilter.mutate(filter.id, {
      onSuccess: () => {
        message.success(t('tasks.filters.deleted'));
        if (filter.id === params.filter) selectFilter(DEFAULT_FILTER);
      },
      onError: (error) => message.error(isApiError(error) ? error.message : t('errors.unexpected')),
    });

  const openTask = (id: string) => navigate(`/tasks/${encodeURIComponent(id)}`, { state: { listSearch: search } });

  const refresh = () => {
    void filters.refetch();
    void list.refetch();
  };

  return (
    <div className="gf-page" data-testid="task-list-page">
      <PageHeader
        title={t('tasks.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={refresh} loading={list.isFetching} data-testid="tasks-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6} xl={5} xxl={4}>
          <TaskFilterList
            filters={filters.data}
            loading={filters.isPending}
            selected={params.filter}
            onSelect={selectFilter}
            onDelete={removeFilter}
          />
          {filters.isError && <Alert type="error" showIcon title={filters.error.message} style={{ marginTop: 8 }} />}
        </Col>
        <Col xs={24} lg={18} xl={19} xxl={20}>
          <Card size="small">
            <TaskFilterBar
              values={fields}
              onChange={update}
              processOptions={processOptions}
              orgTree={orgTree.data}
              onSave={() => setSaving(true)}
            />
            {list.isError && (
              <Alert
                type="error"
                showIcon
                title={isApiError(list.error) ? list.error.message : t('errors.unexpected')}
                style={{ marginBottom: 12 }}
              />
            )}
            <TaskTable
              page={list.data}
              loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
              params={params}
              onChange={update}
              onOpen={(task) => openTask(task.id)}
              orgName={orgName}
            />
          </Card>
        </Col>
      </Row>
      <SaveFilterModal
        open={saving}
        criteria={criteriaToSave}
        onClose={() => setSaving(false)}
        onSaved={(filter) => {
          setSaving(false);
          selectFilter(filter.id);
        }}
      />
    </div>
  );
}
