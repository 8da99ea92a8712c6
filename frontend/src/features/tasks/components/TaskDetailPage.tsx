import { LoginOutlined, LogoutOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { SlaTag } from '@/components/SlaTag';
import { useMe } from '@/features/auth/hooks/useAuth';
import { useOrgNames } from '@/features/org/hooks/useOrgTree';
import { isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/dates';
import { useClaimTask, useUnclaimTask } from '../hooks/useTaskActions';
import { HandlingRequests } from './HandlingRequests';
import { useTask } from '../hooks/useTaskQueries';
import { showActionError } from './actionError';
import { AssignModal } from './AssignModal';
import { TaskCommentsTab } from './TaskCommentsTab';
import { TaskDiagramTab } from './TaskDiagramTab';
import { TaskFormPanel } from './TaskFormPanel';
import { TaskHistoryTab } from './TaskHistoryTab';

interface LocationState {
  listSearch?: string;
}

export function TaskDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const orgName = useOrgNames();
  const task = useTask(id);
  const claim = useClaimTask(id);
  const unclaim = useUnclaimTask(id);
  const [assigning, setAssigning] = useState(false);
  const [tab, setTab] = useState('form');

  const listSearch = (location.state as LocationState | null)?.listSearch;
  const backToList = () => navigate(listSearch ? `/tasks?${listSearch}` : '/tasks');

  if (task.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (task.isError) {
    const gone = isApiError(task.error) && (task.error.status === 404 || task.error.status === 403);
    return (
      <Result
        status={gone ? '404' : 'error'}
        title={gone ? t('task.notFound') : t('errors.unexpected')}
        subTitle={task.error.message}
        extra={<Button onClick={backToList}>{t('task.backToList')}</Button>}
      />
    );
  }

  const data = task.data;
  const mine = !!me.data && data.assignee === me.data.id;
  const editable = mine && data.canComplete !== false;

  const doClaim = () =>
    claim.mutate(undefined, {
      onSuccess: () => void message.success(t('task.claimed')),
      onError: (error) => showActionError(message, t, error),
    });
  const doUnclaim = () =>
    unclaim.mutate(undefined, {
      onSuccess: () => void message.success(t('task.unclaimed')),
      onError: (error) => showActionError(message, t, error),
    });

  const claimButton = (testId: string) => (
    <Button type="primary" icon={<LoginOutlined />} loading={claim.isPending} onClick={doClaim} data-testid={testId}>
      {t('task.actions.claim')}
    </Button>
  );

  const actions = (
    <>
      {data.canClaim && claimButton('task-claim')}
      {data.canUnclaim && (
        <Button icon={<LogoutOutlined />} loading={unclaim.isPending} onClick={doUnclaim} data-testid="task-unclaim">
          {t('task.actions.unclaim')}
        </Button>
      )}
      {mine && data.taskDefinitionKey === 'deptHandle' && data.processDefinitionKey === 'grid-event' && (
        <HandlingRequests task={data} />
      )}
      {(data.canClaim || data.canUnclaim || data.canComplete) && (
        <Button icon={<SwapOutlined />} onClick={() => setAssigning(true)} data-testid="task-assign">
          {t('task.actions.assign')}
        </Button>
      )}
    </>
  );

  return (
    <div className="gf-page" data-testid="task-detail-page" data-task-id={data.id}>
      <PageHeader
        onBack={backToList}
        title={<span data-testid="task-name">{data.name}</span>}
        subTitle={data.processName}
        tags={<SlaTag sla={data.sla} />}
        extra={actions}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('tasks.columns.title')}>
            <span data-testid="task-title">{data.title || '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.columns.businessKey')}>
            {data.businessKey ? <Typography.Text copyable>{data.businessKey}</Typography.Text> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.columns.assignee')}>
            <span data-testid="task-assignee">
              {data.assignee ? data.assigneeName || data.assignee : <Tag>{t('tasks.unassigned')}</Tag>}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.columns.due')}>{formatDateTime(data.due)}</Descriptions.Item>
          <Descriptions.Item label={t('tasks.columns.created')}>{formatDateTime(data.created)}</Descriptions.Item>
          <Descriptions.Item label={t('tasks.columns.grid')}>
            {orgName(data.gridId) ?? orgName(data.communityId) ?? '—'}
          </Descriptions.Item>
          {data.description && (
            <Descriptions.Item label={t('task.description')} span="filled">
              {data.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'form',
              label: t('task.tabs.form'),
              children: (
                <TaskFormPanel
                  task={data}
                  editable={editable}
                  claimAction={claimButton('task-claim-inline')}
                  onCompleted={() => {
                    void message.success(t('task.completed'));
                    backToList();
                  }}
                />
              ),
            },
            { key: 'diagram', label: t('task.tabs.diagram'), children: <TaskDiagramTab taskId={id} /> },
            { key: 'history', label: t('task.tabs.history'), children: <TaskHistoryTab taskId={id} /> },
            { key: 'comments', label: t('task.tabs.comments'), children: <TaskCommentsTab taskId={id} /> },
          ]}
        />
      </Card>
      <AssignModal taskId={id} open={assigning} onClose={() => setAssigning(false)} />
    </div>
  );
}
