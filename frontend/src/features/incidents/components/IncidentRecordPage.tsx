import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Image, List, Result, Row, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { BpmnDiagram } from '@/components/bpmn/BpmnDiagram';
import { DefinitionLink } from '@/components/bpmn/DefinitionLink';
import { HistoryTimeline } from '@/components/history/HistoryTimeline';
import { PageHeader } from '@/components/PageHeader';
import { SlaTag } from '@/components/SlaTag';
import { useOrgNames, useOrgTree } from '@/features/org/hooks/useOrgTree';
import { isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/dates';
import { attachmentUrl, type IncidentDetail, type IncidentNotification } from '../api/incidents';
import { toPhotoPayload } from '../api/photos';
import { useAddPhotos, useIncident } from '../hooks/useIncidents';
import { CityModeTag } from './CityModeTag';
import { PhotoPicker } from './PhotoPicker';

interface LocationState {
  listSearch?: string;
}

export function IncidentRecordPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const incident = useIncident(id);
  const listSearch = (location.state as LocationState | null)?.listSearch;
  const back = () => navigate(listSearch ? `/incidents?${listSearch}` : '/incidents');

  if (incident.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (incident.isError) {
    const gone = isApiError(incident.error) && (incident.error.status === 404 || incident.error.status === 403);
    return (
      <Result
        status={gone ? '404' : 'error'}
        title={gone ? t('incidents.record.notFound') : t('errors.unexpected')}
        subTitle={incident.error.message}
        extra={<Button onClick={back}>{t('incidents.record.back')}</Button>}
        data-testid="incident-not-found"
      />
    );
  }
  const detail = incident.data;
  const e = detail.summary;

  return (
    <div className="gf-page" data-testid="incident-record-page" data-incident-id={e.id}>
      <PageHeader
        title={e.id}
        subTitle={t(`incidents.categories.${e.category ?? 'OTHER'}`, { defaultValue: e.category ?? '' })}
        onBack={back}
        tags={
          <Space size={4} wrap>
            <Tag color={e.status === 'ACTIVE' ? 'processing' : 'default'} data-testid="incident-status">
              {t(`incidents.status.${e.status}`, { defaultValue: e.status })}
            </Tag>
            <SlaTag sla={e.sla} />
            {e.slaBreached && <Tag color="red">{t('incidents.breached')}</Tag>}
            {e.escalationLevel > 0 && <Tag color="orange">{t('incidents.escalation', { level: e.escalationLevel })}</Tag>}
            <CityModeTag mode={detail.communityMode} testId="incident-community-mode" />
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Facts detail={detail} />
        </Col>
        <Col xs={24} lg={8}>
          <NowPanel detail={detail} />
        </Col>
        <Col span={24}>
          <Card>
            <Tabs
              items={[
                {
                  key: 'diagram',
                  label: t('incidents.record.tabs.diagram'),
                  children: (
                    <>
                      <div style={{ textAlign: 'right', marginBottom: 8 }}>
                        <DefinitionLink definitionKey={detail.diagram.definitionKey} version={detail.diagram.definitionVersion} />
                      </div>
                      <BpmnDiagram
                        xml={detail.diagram.xml}
                        activeIds={detail.diagram.activeActivityIds}
                        completedIds={detail.diagram.completedActivityIds}
                      />
                    </>
                  ),
                },
                {
                  key: 'timeline',
                  label: t('incidents.record.tabs.timeline'),
                  children: (
                    <HistoryTimeline
                      entries={detail.timeline}
                      labels="incidents.timeline"
                      emptyText={t('incidents.timeline.empty')}
                      testId="incident-timeline"
                    />
                  ),
                },
                {
                  key: 'photos',
                  label: `${t('incidents.record.tabs.photos')} (${detail.attachments.length})`,
                  children: <Photos detail={detail} />,
                },
                {
                  key: 'notifications',
                  label: `${t('incidents.record.tabs.notifications')} (${detail.notifications.length})`,
                  children: <Notifications items={detail.notifications} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function Facts({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation();
  const orgName = useOrgNames();
  const org = useOrgTree();
  const e = detail.summary;
  const v = detail.variables;
  const dept = org.data?.departments.find((d) => d.id === e.leadDept)?.name ?? e.leadDept;
  const text = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const started = detail.timeline.find((entry) => entry.type === 'START');
  const reporter =
    started?.userId && started.userId === (e.reporterId ?? e.startUserId) ? started.userName : (e.reporterId ?? e.startUserId);
  const items = [
    { key: 'description', label: t('incidents.record.description'), children: e.description ?? '—', span: 2 },
    { key: 'community', label: t('incidents.record.community'), children: orgName(e.communityId) ?? '—' },
    { key: 'grid', label: t('incidents.record.grid'), children: orgName(e.gridId) ?? '—' },
    {
      key: 'urgency',
      label: t('incidents.record.urgency'),
      children: e.urgency ? t(`incidents.urgency.${e.urgency}`, { defaultValue: e.urgency }) : '—',
    },
    { key: 'leadDept', label: t('incidents.record.leadDept'), children: dept ?? '—' },
    { key: 'reporter', label: t('incidents.record.reporter'), children: reporter ?? '—' },
    { key: 'mode', label: t('incidents.mode.atReport'), children: <CityModeTag mode={e.cityMode} testId="incident-mode-at-report" /> },
    { key: 'started', label: t('incidents.record.started'), children: formatDateTime(e.started) },
    { key: 'slaDueAt', label: t('incidents.record.slaDueAt'), children: formatDateTime(e.slaDueAt) },
    ...(e.ended ? [{ key: 'ended', label: t('incidents.record.ended'), children: formatDateTime(e.ended) }] : []),
    {
      key: 'stage',
      label: t('incidents.record.stage'),
      children: <span data-testid="incident-record-stage">{e.stage.join('、') || '—'}</span>,
    },
    ...(['resolutionNote', 'verifyResult', 'satisfaction', 'closeType'] as const)
      .filter((name) => text(name))
      .map((name) => ({
        key: name,
        label: t(`incidents.record.${name}`),
        // Free text stays as written; coded outcomes read in the user's language.
        children: name === 'resolutionNote' ? text(name) : t(`incidents.values.${text(name)}`, { defaultValue: text(name) }),
      })),
  ];
  return (
    <Card title={t('incidents.record.facts')} size="small">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={items} />
    </Card>
  );
}

function NowPanel({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation();
  const mine = detail.tasks.filter((task) => task.canAct);
  const others = detail.tasks.filter((task) => !task.canAct);
  return (
    <Card title={t('incidents.record.canDo')} size="small" data-testid="incident-now">
      {mine.length === 0 ? (
        <Typography.Text type="secondary">{t('incidents.record.nothingToDo')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={mine}
          renderItem={(task) => (
            <List.Item
              actions={[
                <Link key="open" to={`/tasks/${encodeURIComponent(task.id)}`} data-testid="incident-task-link">
                  {t('incidents.record.openTask')}
                </Link>,
              ]}
            >
              <Typography.Text strong>{task.name}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      {others.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
            {t('incidents.record.heldBy')}
          </Typography.Text>
          <List
            size="small"
            dataSource={others}
            renderItem={(task) => (
              <List.Item>
                <span>
                  {task.name} ·{' '}
                  {task.assignee ? (
                    task.assigneeName || task.assignee
                  ) : (
                    <Tag>
                      {t('incidents.record.unassigned')} {task.candidateGroups.join(', ')}
                    </Tag>
                  )}
                </span>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

function Photos({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddPhotos();
  const [files, setFiles] = useState<File[]>([]);
  const id = detail.summary.id;

  const upload = async () => {
    const photos = await Promise.all(files.map(toPhotoPayload));
    add.mutate(
      { id, photos },
      {
        onSuccess: () => {
          setFiles([]);
          void message.success(t('incidents.record.photosAdded'));
        },
      },
    );
  };

  return (
    <div data-testid="incident-photos">
      {detail.attachments.length === 0 ? (
        <Empty description={t('incidents.record.noPhotos')} />
      ) : (
        <Image.PreviewGroup>
          <Flex gap={12} wrap>
            {detail.attachments.map((a) => (
              <Flex key={a.id} vertical gap={4} style={{ width: 140 }}>
                <Image
                  src={attachmentUrl(id, a.id)}
                  alt={a.fileName}
                  width={140}
                  height={105}
                  style={{ objectFit: 'cover' }}
                  data-testid="incident-photo"
                />
                <Typography.Text ellipsis style={{ fontSize: 12 }} title={a.fileName}>
                  {a.fileName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.uploadedByName ?? a.uploadedBy} · {formatDateTime(a.created)}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {detail.canAddPhotos && (
        <Flex vertical gap={8} style={{ marginTop: 16 }}>
          <PhotoPicker value={files} onChange={setFiles} disabled={add.isPending} />
          {add.error && <Alert type="error" showIcon title={add.error.message} />}
          <div>
            <Button type="primary" disabled={files.length === 0} loading={add.isPending} onClick={() => void upload()}>
              {t('incidents.record.addPhotos')}
            </Button>
          </div>
        </Flex>
      )}
    </div>
  );
}

function Notifications({ items }: { items: IncidentNotification[] }) {
  const { t } = useTranslation();
  return (
    <Table<IncidentNotification>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('incidents.record.noNotifications') }}
      data-testid="incident-notifications"
      columns={[
        { key: 'created', title: t('incidents.record.notification.created'), width: 140, render: (_, n) => formatDateTime(n.created) },
        { key: 'recipient', title: t('incidents.record.notification.recipient'), width: 160, render: (_, n) => n.recipient },
        {
          key: 'subject',
          title: t('incidents.record.notification.subject'),
          render: (_, n) => (
            <div>
              <Typography.Text strong>{n.subject}</Typography.Text>
              {n.body && <div style={{ fontSize: 12 }}>{n.body}</div>}
            </div>
          ),
        },
        {
          key: 'sent',
          title: t('incidents.record.notification.sent'),
          width: 150,
          render: (_, n) =>
            n.sentAt ? (
              <Tag color="green">{t('incidents.record.notification.sentAt', { time: formatDateTime(n.sentAt) })}</Tag>
            ) : (
              <Tag color="orange">{t('incidents.record.notification.pending')}</Tag>
            ),
        },
      ]}
    />
  );
}
