import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { type HTMLAttributes, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { SlaTag } from '@/components/SlaTag';
import { useOrgNames, useOrgTree } from '@/features/org/hooks/useOrgTree';
import { formatDateTime, formatDateTimeShort } from '@/lib/dates';
import type { IncidentSummary } from '../api/incidents';
import { useIncidentList } from '../hooks/useIncidents';
import { DEFAULT_PAGE_SIZE, FILTER_KEYS, useIncidentListParams } from '../hooks/useIncidentListParams';
import { CityModeTag } from './CityModeTag';
import { ModePanel } from './ModePanel';

export const CATEGORIES = [
  'SAFETY_HAZARD',
  'DANGEROUS_HOUSE',
  'DISPUTE',
  'ENV_CLUTTER',
  'FACILITY_DAMAGE',
  'FOOD',
  'MARKET_ORDER',
  'SPECIAL_CARE',
  'OTHER',
] as const;

export function IncidentListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { params, update, search } = useIncidentListParams();
  const list = useIncidentList(params);
  const org = useOrgTree();
  const orgName = useOrgNames();

  const departments = useMemo(() => new Map((org.data?.departments ?? []).map((d) => [d.id, d.name])), [org.data]);
  const gridOptions = useMemo(
    () =>
      (org.data?.communities ?? [])
        .filter((c) => !params.communityId || c.id === params.communityId)
        .flatMap((c) => c.grids.map((g) => ({ value: g.id, label: g.name }))),
    [org.data, params.communityId],
  );
  const category = (code?: string | null) =>
    code ? t(`incidents.categories.${code}`, { defaultValue: code }) : '—';

  const columns: ColumnsType<IncidentSummary> = [
    {
      key: 'id',
      title: t('incidents.columns.id'),
      width: 150,
      render: (_, e) => (
        <div>
          <Typography.Text strong>{e.id}</Typography.Text>
          {e.description && (
            <div>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 220 }}>
                {e.description}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { key: 'category', title: t('incidents.columns.category'), width: 110, render: (_, e) => category(e.category) },
    {
      key: 'place',
      title: t('incidents.columns.place'),
      width: 170,
      responsive: ['md'],
      render: (_, e) => (
        <span>
          {orgName(e.communityId) ?? '—'}
          {e.gridId && <Typography.Text type="secondary"> / {orgName(e.gridId)}</Typography.Text>}
        </span>
      ),
    },
    {
      key: 'leadDept',
      title: t('incidents.columns.leadDept'),
      width: 130,
      responsive: ['lg'],
      render: (_, e) => (e.leadDept ? (departments.get(e.leadDept) ?? e.leadDept) : '—'),
    },
    {
      key: 'stage',
      title: t('incidents.columns.stage'),
      width: 150,
      render: (_, e) => (
        <Space size={4} wrap>
          {e.status !== 'ACTIVE' && <Tag>{t(`incidents.status.${e.status}`, { defaultValue: e.status })}</Tag>}
          {e.stage.map((s) => (
            <Tag key={s} color={e.status === 'ACTIVE' ? 'blue' : undefined} data-testid="incident-stage">
              {s}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'due',
      title: t('incidents.columns.sla'),
      sorter: true,
      sortOrder: params.sort === 'due' ? (params.order === 'asc' ? 'ascend' : 'descend') : null,
      width: 170,
      render: (_, e) => (
        <span title={formatDateTime(e.slaDueAt)}>
          {e.slaDueAt ? formatDateTimeShort(e.slaDueAt) : '—'} <SlaTag sla={e.sla} />
          {e.slaBreached && e.status !== 'ACTIVE' && <Tag color="red">{t('incidents.breached')}</Tag>}
        </span>
      ),
    },
    {
      key: 'mode',
      title: t('incidents.columns.mode'),
      width: 80,
      responsive: ['lg'],
      render: (_, e) => <CityModeTag mode={e.cityMode} />,
    },
    {
      key: 'started',
      title: t('incidents.columns.started'),
      sorter: true,
      sortOrder: params.sort !== 'due' ? (params.order === 'asc' ? 'ascend' : 'descend') : null,
      width: 120,
      render: (_, e) => <span title={formatDateTime(e.started)}>{formatDateTimeShort(e.started)}</span>,
    },
  ];

  const onTableChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<IncidentSummary> | SorterResult<IncidentSummary>[],
  ) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = s?.order ? (s.columnKey === 'due' ? 'due' : 'started') : undefined;
    const order = s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : undefined;
    const size = pagination.pageSize ?? params.size;
    const sortChanged = (sort ?? 'started') !== (params.sort ?? 'started') || (order ?? 'desc') !== (params.order ?? 'desc');
    update({
      sort: sort === 'started' ? undefined : sort,
      order: order === 'desc' ? undefined : order,
      size: size === DEFAULT_PAGE_SIZE ? undefined : size,
      page: sortChanged || size !== params.size ? 0 : Math.max(0, (pagination.current ?? 1) - 1),
    });
  };

  const open = (e: IncidentSummary) =>
    navigate(`/incidents/${encodeURIComponent(e.id)}`, { state: { listSearch: search } });
  const anyFilter = FILTER_KEYS.some((k) => params[k]);

  return (
    <div className="gf-page" data-testid="incident-list-page">
      <PageHeader
        title={t('incidents.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <ModePanel />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            placeholder={t('incidents.filters.text')}
            defaultValue={params.text}
            key={params.text ?? ''}
            onSearch={(text) => update({ text })}
            style={{ width: 220 }}
            data-testid="incident-filter-text"
          />
          <Select
            allowClear
            placeholder={t('incidents.filters.category')}
            value={params.category}
            onChange={(category) => update({ category })}
            options={CATEGORIES.map((c) => ({ value: c, label: category(c) }))}
            style={{ width: 150 }}
            data-testid="incident-filter-category"
          />
          <Select
            allowClear
            placeholder={t('incidents.filters.community')}
            value={params.communityId}
            onChange={(communityId) => update({ communityId })}
            options={(org.data?.communities ?? []).map((c) => ({ value: c.id, label: c.name }))}
            style={{ width: 150 }}
          />
          <Select
            allowClear
            placeholder={t('incidents.filters.grid')}
            value={params.gridId}
            onChange={(gridId) => update({ gridId })}
            options={gridOptions}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            placeholder={t('incidents.filters.leadDept')}
            value={params.leadDept}
            onChange={(leadDept) => update({ leadDept })}
            options={(org.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
            style={{ width: 190 }}
          />
          <Select
            allowClear
            placeholder={t('incidents.filters.status')}
            value={params.status}
            onChange={(status) => update({ status })}
            options={['ACTIVE', 'COMPLETED'].map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))}
            style={{ width: 120 }}
          />
          {anyFilter && (
            <Button onClick={() => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}>
              {t('incidents.filters.reset')}
            </Button>
          )}
        </Flex>
      </Card>
      {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<IncidentSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('incidents.empty') }}
          pagination={{
            current: params.page + 1,
            pageSize: params.size,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('incidents.total', { total }),
          }}
          onRow={(e) =>
            ({
              'data-testid': 'incident-row',
              'data-incident-id': e.id,
              className: 'gf-task-row',
              tabIndex: 0,
              onClick: () => open(e),
              onKeyDown: (ev) => {
                if (ev.key === 'Enter') open(e);
              },
            }) as HTMLAttributes<HTMLElement>
          }
        />
      </Card>
    </div>
  );
}
