import { Button, Card, List, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dates';
import { useServerPagination } from '@/hooks/useServerPagination';
import type { Agency, MatterSummary } from '../api/hoa';
import { useAgencies, useMatters, usePublications } from '../hooks/useHoa';
import { OutcomeTag } from './OutcomeTag';

const PAGE_SIZE = 20;

/** 业委会: the decisions of the user's estates and the notices published to their owners. */
export function HoaListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab = requested === 'publications' || requested === 'agencies' ? requested : 'matters';
  return (
    <>
      <PageHeader
        title={t('hoa.title')}
        extra={
          <Button type="primary" onClick={() => navigate('/start/hoa-major-decision')} data-testid="hoa-new-proposal">
            {t('hoa.newProposal')}
          </Button>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'matters' ? {} : { tab: key })}
        items={[
          { key: 'matters', label: t('hoa.tabs.matters'), children: <MatterTable /> },
          { key: 'publications', label: t('hoa.tabs.publications'), children: <PublicationList /> },
          { key: 'agencies', label: t('hoa.tabs.agencies'), children: <AgencyTable /> },
        ]}
      />
    </>
  );
}

function MatterTable() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { page, pagination } = useServerPagination({ pageSize: PAGE_SIZE });
  const matters = useMatters(page, PAGE_SIZE);
  return (
    <Table<MatterSummary>
      data-testid="hoa-matters"
      rowKey="id"
      loading={matters.isPending}
      dataSource={matters.data?.items ?? []}
      onRow={(row) => ({ onClick: () => navigate(`/hoa/${encodeURIComponent(row.id)}`), style: { cursor: 'pointer' } })}
      pagination={pagination(matters.data)}
      columns={[
        { title: t('hoa.columns.id'), dataIndex: 'id', width: 200 },
        { title: t('hoa.columns.title'), dataIndex: 'title' },
        { title: t('hoa.columns.estate'), dataIndex: 'estateName', width: 120 },
        {
          title: t('hoa.columns.matterType'),
          dataIndex: 'matterType',
          width: 200,
          render: (v: string) => t(`hoa.matterTypes.${v}`, { defaultValue: v }),
        },
        {
          title: t('hoa.columns.status'),
          key: 'status',
          render: (_: unknown, row) =>
            row.outcome ? <OutcomeTag outcome={row.outcome} /> : row.currentSteps.map((s) => <Tag key={s} color="processing">{s}</Tag>),
        },
        { title: t('hoa.columns.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}

function PublicationList() {
  const { t } = useTranslation();
  const { page, pagination } = useServerPagination({ pageSize: PAGE_SIZE });
  const publications = usePublications(page, PAGE_SIZE);
  return (
    <List
      data-testid="hoa-publications"
      loading={publications.isPending}
      dataSource={publications.data?.items ?? []}
      locale={{ emptyText: t('hoa.noPublications') }}
      pagination={pagination(publications.data)}
      renderItem={(p) => (
        <List.Item key={p.id}>
          <Card
            size="small"
            style={{ width: '100%' }}
            title={p.title}
            extra={
              <Typography.Text type="secondary">
                {t(`hoa.publicationKinds.${p.kind}`, { defaultValue: p.kind })} · {formatDateTime(p.publishedAt)}
              </Typography.Text>
            }
          >
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{p.body}</Typography.Paragraph>
          </Card>
        </List.Item>
      )}
    />
  );
}

/** 业财代理 engagements of the user's estates; each opens its monthly statements and budgets. */
function AgencyTable() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const agencies = useAgencies();
  return (
    <Table<Agency>
      data-testid="hoa-agencies"
      rowKey="id"
      loading={agencies.isPending}
      dataSource={agencies.data ?? []}
      pagination={false}
      locale={{ emptyText: t('hoa.agency.none') }}
      onRow={(row) => ({ onClick: () => navigate(`/hoa/agency/${encodeURIComponent(row.id)}`), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('hoa.columns.estate'), dataIndex: 'estateName', width: 120 },
        { title: t('hoa.agency.resolution'), key: 'resolution', render: (_: unknown, a) => `${a.resolutionNo} · ${a.title}` },
        { title: t('hoa.columns.status'), dataIndex: 'state', width: 140, render: (s: Agency['state']) => <Tag>{t(`hoa.agency.states.${s}`)}</Tag> },
        { title: t('hoa.agency.startedAt'), dataIndex: 'startedAt', width: 170, render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}
