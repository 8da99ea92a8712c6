import { Alert, Button, Card, Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOrgNames, useOrgTree } from '@/features/org/hooks/useOrgTree';
import { formatDateTimeShort } from '@/lib/dates';
import { useServerPagination } from '@/hooks/useServerPagination';
import type {
  ApplicationRow, ContractRow, HoaFigure, HoaMatterRow, HoaStageRow, Page, RoundRow, SummaryFilter,
} from '../api/metrics';
import {
  useApplications,
  useContracts,
  useHoaMatters,
  useHoaSummary,
  useProcurementSummary,
  usePromotionSummary,
} from '../hooks/useMetrics';
import { FilterSelect } from './FilterBar';

/** A count that opens the list of what it counts; zero stays plain (nothing to list). */
function CountLink({ id, value, onOpen }: { id: string; value: number; onOpen: () => void }) {
  if (value === 0) return <span data-testid={id}>0</span>;
  return (
    <Button type="link" size="small" data-testid={id} onClick={onOpen} style={{ padding: 0 }}>
      {value}
    </Button>
  );
}

/** The paged list behind a count, in a drawer. */
function ListDrawer<T extends object>({ open, title, query, pagination, columns, rowKey, onClose, testId }: {
  open: boolean;
  title: ReactNode;
  query: { data?: Page<T>; isFetching: boolean; isError: boolean; error: Error | null };
  /** the opener's server paging; it starts again at the first page each time the drawer opens */
  pagination: ReturnType<typeof useServerPagination>['pagination'];
  columns: ColumnsType<T>;
  rowKey: keyof T & string;
  onClose: () => void;
  testId: string;
}) {
  return (
    <Drawer open={open} onClose={onClose} size="large" title={title} data-testid={testId}>
      {query.isError && <Alert type="error" showIcon title={query.error?.message} />}
      <Table<T>
        rowKey={rowKey}
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        pagination={pagination(query.data)}
        columns={columns}
      />
    </Drawer>
  );
}

const HOA_COLUMNS = ['total', 'passed', 'failed', 'revote', 'filed'] as const;

function HoaPanel({ communityId }: { communityId?: string }) {
  const { t } = useTranslation();
  const summary = useHoaSummary(communityId);
  const [figure, setFigure] = useState<HoaFigure>();
  const { page, setPage, pagination } = useServerPagination({ pageSize: 10 });
  const matters = useHoaMatters(figure, page, communityId);
  const names = useOrgNames();
  const open = (f: HoaFigure) => { setPage(0); setFigure(f); };
  const title = figure
    ? [figure.stage && t(`dashboard.summaries.hoa.stage.${figure.stage}`),
      figure.outcome && t(`dashboard.summaries.hoa.outcome.${figure.outcome}`, figure.outcome),
      t(`dashboard.summaries.hoa.column.${figure.figure}`)].filter(Boolean).join(' · ')
    : '';
  return (
    <Card title={t('dashboard.summaries.hoa.title')} size="small" data-testid="summary-hoa">
      {summary.isError && <Alert type="error" showIcon title={summary.error.message} />}
      <Table<HoaStageRow>
        rowKey="stage"
        size="small"
        pagination={false}
        loading={summary.isPending}
        dataSource={summary.data?.stages ?? []}
        columns={[
          { title: t('dashboard.summaries.hoa.stageColumn'), render: (_, r) => t(`dashboard.summaries.hoa.stage.${r.stage}`) },
          ...HOA_COLUMNS.map((c) => ({
            title: t(`dashboard.summaries.hoa.column.${c}`),
            render: (_: unknown, r: HoaStageRow) => (
              <CountLink id={`hoa-${r.stage}-${c}`} value={r[c]} onOpen={() => open({ stage: r.stage, figure: c })} />
            ),
          })),
        ]}
      />
      {(summary.data?.outcomes.length ?? 0) > 0 && (
        <Flex gap={12} wrap style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('dashboard.summaries.hoa.closedBy')}</Typography.Text>
          {summary.data?.outcomes.map((o) => (
            <span key={o.outcome}>
              {t(`dashboard.summaries.hoa.outcome.${o.outcome}`, o.outcome)}{' '}
              <CountLink id={`hoa-outcome-${o.outcome}`} value={o.count}
                onOpen={() => open({ stage: 'CLOSED', figure: 'total', outcome: o.outcome })} />
            </span>
          ))}
        </Flex>
      )}
      <ListDrawer<HoaMatterRow>
        open={figure !== undefined}
        title={title}
        query={matters}
        pagination={pagination}
        rowKey="id"
        testId="summary-hoa-list"
        onClose={() => setFigure(undefined)}
        columns={[
          { title: t('dashboard.summaries.hoa.matter'), render: (_, r) => <Link to={`/hoa/${encodeURIComponent(r.id)}`}>{r.title}</Link> },
          { title: t('dashboard.events.community'), render: (_, r) => names(r.communityId) },
          { title: t('dashboard.summaries.hoa.stageColumn'), render: (_, r) => t(`dashboard.summaries.hoa.stage.${r.stage}`) },
          { title: t('dashboard.summaries.hoa.rounds'), dataIndex: 'rounds' },
          { title: t('dashboard.summaries.hoa.finalOutcome'), render: (_, r) => (r.outcome ? t(`dashboard.summaries.hoa.outcome.${r.outcome}`, r.outcome) : '') },
          { title: t('dashboard.summaries.createdAt'), render: (_, r) => formatDateTimeShort(r.createdAt) },
        ]}
      />
    </Card>
  );
}

function ProcurementPanel({ departmentId }: { departmentId?: string }) {
  const { t } = useTranslation();
  const summary = useProcurementSummary(departmentId);
  const [figure, setFigure] = useState<string>();
  const { page, setPage, pagination } = useServerPagination({ pageSize: 10 });
  const contracts = useContracts(figure, page, departmentId);
  const names = useOrgNames();
  const open = (f: string) => { setPage(0); setFigure(f); };
  const gradeLabel = (g: string) => (g === 'NONE' ? t('dashboard.summaries.procurement.noGrade') : g);
  const s = summary.data;
  return (
    <Card title={t('dashboard.summaries.procurement.title')} size="small" data-testid="summary-procurement">
      {summary.isError && <Alert type="error" showIcon title={summary.error.message} />}
      {s && (
        <Flex vertical gap={8}>
          <Flex gap={16} wrap>
            <span>{t('dashboard.summaries.procurement.total')} <CountLink id="contracts-total" value={s.total} onOpen={() => open('total')} /></span>
            <span>{t('dashboard.summaries.procurement.withdrawn')} <CountLink id="contracts-withdrawn" value={s.withdrawn} onOpen={() => open('withdrawn')} /></span>
          </Flex>
          <Flex gap={16} wrap>
            <Typography.Text type="secondary">{t('dashboard.summaries.procurement.byGrade')}</Typography.Text>
            {s.byGrade.map((g) => (
              <span key={g.key}>{gradeLabel(g.key)} <CountLink id={`contracts-grade-${g.key}`} value={g.count} onOpen={() => open(`grade:${g.key}`)} /></span>
            ))}
          </Flex>
          <Flex gap={16} wrap>
            <Typography.Text type="secondary">{t('dashboard.summaries.procurement.byStatus')}</Typography.Text>
            {s.byStatus.map((x) => (
              <span key={x.key}>{t(`dashboard.summaries.procurement.status.${x.key}`, x.key)} <CountLink id={`contracts-status-${x.key}`} value={x.count} onOpen={() => open(`status:${x.key}`)} /></span>
            ))}
          </Flex>
        </Flex>
      )}
      <ListDrawer<ContractRow>
        open={figure !== undefined}
        title={t('dashboard.summaries.procurement.listTitle')}
        query={contracts}
        pagination={pagination}
        rowKey="contractId"
        testId="summary-contracts-list"
        onClose={() => setFigure(undefined)}
        columns={[
          { title: t('dashboard.summaries.procurement.contract'), render: (_, r) => <Link to={`/procurement/contracts/${encodeURIComponent(r.contractId)}`}>{r.contractId}</Link> },
          { title: t('dashboard.summaries.procurement.item'), render: (_, r) => r.itemName ?? r.itemCode },
          { title: t('dashboard.filter.department'), render: (_, r) => names(r.deptId) },
          { title: t('dashboard.summaries.procurement.statusColumn'), render: (_, r) => t(`dashboard.summaries.procurement.status.${r.status}`, r.status) },
          { title: t('dashboard.summaries.procurement.grade'), render: (_, r) => (r.grade ? <Tag color={r.grade === '差' ? 'red' : undefined}>{r.grade}</Tag> : '') },
        ]}
      />
    </Card>
  );
}

const ROUND_COLUMNS = ['SHORTLISTED', 'WAITLISTED', 'INELIGIBLE', 'OFFERED', 'APPOINTED'] as const;

function PromotionPanel({ communityId }: { communityId?: string }) {
  const { t } = useTranslation();
  const summary = usePromotionSummary(communityId);
  const [figure, setFigure] = useState<{ roundKey: string; status: string }>();
  const { page, setPage, pagination } = useServerPagination({ pageSize: 10 });
  const applications = useApplications(figure, page, communityId);
  const names = useOrgNames();
  const open = (roundKey: string, status: string) => { setPage(0); setFigure({ roundKey, status }); };
  return (
    <Card title={t('dashboard.summaries.promotion.title')} size="small" data-testid="summary-promotion">
      {summary.isError && <Alert type="error" showIcon title={summary.error.message} />}
      <Table<RoundRow>
        rowKey="roundKey"
        size="small"
        pagination={false}
        loading={summary.isPending}
        dataSource={summary.data ?? []}
        columns={[
          { title: t('dashboard.summaries.promotion.round'), render: (_, r) => <Link to={`/promotion/rounds/${encodeURIComponent(r.roundKey)}`}>{r.roundKey}</Link> },
          {
            title: t('dashboard.summaries.promotion.stage'),
            render: (_, r) => (
              <span data-testid={`round-stage-${r.roundKey}`}>
                {r.stage === 'OPEN' && r.steps.length > 0
                  ? r.steps.map((s) => s.name ?? s.activityId).join('、')
                  : t(`dashboard.summaries.promotion.stageName.${r.stage}`)}
              </span>
            ),
          },
          {
            title: t('dashboard.summaries.promotion.applications'),
            render: (_, r) => <CountLink id={`round-${r.roundKey}-all`} value={r.applications} onOpen={() => open(r.roundKey, '')} />,
          },
          ...ROUND_COLUMNS.map((status) => ({
            title: t(`dashboard.summaries.promotion.status.${status}`),
            render: (_: unknown, r: RoundRow) => (
              <CountLink id={`round-${r.roundKey}-${status}`} value={r.byStatus[status] ?? 0} onOpen={() => open(r.roundKey, status)} />
            ),
          })),
        ]}
      />
      <ListDrawer<ApplicationRow>
        open={figure !== undefined}
        title={figure ? `${figure.roundKey} · ${figure.status ? t(`dashboard.summaries.promotion.status.${figure.status}`, figure.status) : t('dashboard.summaries.promotion.applications')}` : ''}
        query={applications}
        pagination={pagination}
        rowKey="applicantId"
        testId="summary-applications-list"
        onClose={() => setFigure(undefined)}
        columns={[
          { title: t('dashboard.summaries.promotion.applicant'), dataIndex: 'applicantId' },
          { title: t('dashboard.events.community'), render: (_, r) => names(r.communityId) },
          { title: t('dashboard.summaries.promotion.statusColumn'), render: (_, r) => t(`dashboard.summaries.promotion.status.${r.status}`, r.status) },
          { title: t('dashboard.summaries.promotion.rank'), render: (_, r) => r.rankNo ?? '' },
          { title: t('dashboard.summaries.promotion.score'), render: (_, r) => r.totalScore ?? '' },
        ]}
      />
    </Card>
  );
}

/**
 * Owners'-committee decisions, service contracts and promotion rounds as they stand now, within the caller's scope,
 * narrowed by community (decisions, rounds) and department (contracts).
 */
export function SummariesTab() {
  const { t } = useTranslation();
  const org = useOrgTree();
  const [filter, setFilter] = useState<SummaryFilter>({});
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('dashboard.summaries.hint')}</Typography.Text>
      <Flex gap={8} wrap data-testid="summary-filters">
        <FilterSelect
          testId="summary-filter-community"
          placeholder={t('dashboard.filter.community')}
          value={filter.communityId}
          options={(org.data?.communities ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => setFilter((f) => ({ ...f, communityId: v }))}
        />
        <FilterSelect
          testId="summary-filter-department"
          placeholder={t('dashboard.filter.department')}
          value={filter.departmentId}
          options={(org.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={(v) => setFilter((f) => ({ ...f, departmentId: v }))}
        />
      </Flex>
      <HoaPanel communityId={filter.communityId} />
      <ProcurementPanel departmentId={filter.departmentId} />
      <PromotionPanel communityId={filter.communityId} />
    </Flex>
  );
}
