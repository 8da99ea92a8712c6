import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Ref, useImperativeHandle } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormJsHandle, FormJsSubmitResult } from '@/components/form-js/FormJsViewer';
import { type MockRoute, mockFetch, renderRoutes } from '@/test/utils';
import type { TaskDetail } from '../api/types';
import { TaskDetailPage } from './TaskDetailPage';

// form-js and bpmn-js need a real browser; the page logic around them is what is tested here.
const formJs = vi.hoisted(() => ({ next: { data: {}, errors: {} } as FormJsSubmitResult }));

vi.mock('@/components/form-js/FormJsViewer', () => ({
  FormJsViewer: ({
    disabled,
    onSubmit,
    ref,
  }: {
    disabled?: boolean;
    onSubmit: (r: FormJsSubmitResult) => void;
    ref?: Ref<FormJsHandle>;
  }) => {
    useImperativeHandle(ref, () => ({ submit: () => onSubmit(formJs.next) }));
    return <div data-testid="form-js" data-disabled={String(!!disabled)} />;
  },
}));
vi.mock('@/components/bpmn/BpmnDiagram', () => ({ BpmnDiagram: () => <div data-testid="bpmn-diagram" /> }));

const me = {
  id: 'grid0101',
  name: '王网格',
  groups: [],
  roles: [],
  scopes: { grids: ['G0101'], communities: ['C01'], departments: [] },
  menus: ['tasks', 'start'],
};

function detail(overrides: Partial<TaskDetail> = {}): TaskDetail {
  return {
    id: 't1',
    name: '受理核实',
    taskDefinitionKey: 'triage',
    processDefinitionKey: 'grid-event',
    processName: '事件上报',
    processInstanceId: 'p1',
    businessKey: 'EV-1',
    title: '井盖破损',
    assignee: null,
    assigneeName: null,
    candidateGroups: ['grid-G0101'],
    created: '2026-11-27T08:00:00.000+0800',
    due: null,
    priority: 50,
    gridId: 'G0101',
    communityId: 'C01',
    sla: 'NONE',
    description: null,
    formRef: 'grid-event-triage',
    hasForm: true,
    variables: {},
    canClaim: true,
    canUnclaim: false,
    canComplete: false,
    ...overrides,
  };
}

const schema = {
  type: 'default',
  components: [{ id: 'Field_1', key: 'description', type: 'textarea', label: '描述' }],
};

const assignedToMe = detail({ assignee: 'grid0101', assigneeName: '王网格', canClaim: false, canUnclaim: true, canComplete: true });

const routes = [
  { path: '/tasks/:id', element: <TaskDetailPage /> },
  { path: '/tasks', element: <div data-testid="list-stub">list</div> },
];

function setup(extra: MockRoute[], task: () => TaskDetail) {
  document.cookie = 'XSRF-TOKEN=tok; path=/';
  const fetch = mockFetch([
    { path: '/api/me', body: me },
    { path: '/api/org/tree', body: { communities: [], departments: [] } },
    { path: '/api/tasks/t1', respond: () => ({ body: task() }) },
    { path: '/api/tasks/t1/form', body: { schema, data: { description: '' } } },
    ...extra,
  ]);
  return { ...fetch, ...renderRoutes(routes, '/tasks/t1') };
}

describe('TaskDetailPage', () => {
  beforeEach(() => {
    formJs.next = { data: {}, errors: {} };
  });

  it('keeps the form read-only until the task is claimed, then enables it', async () => {
    let claimed = false;
    const { calls } = setup(
      [{ method: 'POST', path: '/api/tasks/t1/claim', respond: () => ((claimed = true), { status: 204 }) }],
      () => (claimed ? assignedToMe : detail()),
    );
    const user = userEvent.setup();

    expect(await screen.findByTestId('task-claim-hint')).toHaveTextContent('请先认领');
    expect(await screen.findByTestId('form-js')).toHaveAttribute('data-disabled', 'true');
    expect(screen.getByTestId('task-complete')).toBeDisabled();

    await user.click(screen.getByTestId('task-claim'));

    await waitFor(() => expect(screen.getByTestId('form-js')).toHaveAttribute('data-disabled', 'false'));
    expect(screen.queryByTestId('task-claim-hint')).not.toBeInTheDocument();
    expect(screen.getByTestId('task-unclaim')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.headers.get('X-XSRF-TOKEN')).toBe('tok');
  });

  it('shows the server message when someone else claimed the task first (409)', async () => {
    setup(
      [
        {
          method: 'POST',
          path: '/api/tasks/t1/claim',
          status: 409,
          body: { status: 409, code: 'TASK_CLAIMED', message: '任务已被 张伟 认领' },
        },
      ],
      () => detail(),
    );
    const user = userEvent.setup();

    await user.click(await screen.findByTestId('task-claim'));

    expect(await screen.findByText('任务已被 张伟 认领')).toBeInTheDocument();
  });

  it('does not send a form that form-js reports invalid', async () => {
    const { calls } = setup([], () => assignedToMe);
    const user = userEvent.setup();
    formJs.next = { data: { description: '' }, errors: { Field_1: ['Field is required.'] } };

    await user.click(await screen.findByTestId('task-complete'));

    expect(await screen.findByText('请先修正表单中标出的错误')).toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname.endsWith('/complete'))).toBe(false);
  });

  it('lists the server field errors on 400 FORM_INVALID and stays on the task', async () => {
    const { calls, router } = setup(
      [
        {
          method: 'POST',
          path: '/api/tasks/t1/complete',
          status: 400,
          body: {
            status: 400,
            code: 'FORM_INVALID',
            message: '表单校验失败',
            fieldErrors: [{ field: 'description', message: '不能少于 5 个字' }],
          },
        },
      ],
      () => assignedToMe,
    );
    const user = userEvent.setup();
    formJs.next = { data: { description: 'abc' }, errors: {} };

    await user.click(await screen.findByTestId('task-complete'));

    const alert = await screen.findByTestId('task-complete-error');
    expect(alert).toHaveTextContent('表单校验失败');
    expect(alert).toHaveTextContent('描述 (description): 不能少于 5 个字');
    expect(calls.find((c) => c.url.pathname === '/api/tasks/t1/complete')?.body).toEqual({ variables: { description: 'abc' } });
    expect(router.state.location.pathname).toBe('/tasks/t1');
  });

  it('completes with the form data and returns to the list', async () => {
    const { calls, router } = setup([{ method: 'POST', path: '/api/tasks/t1/complete', status: 204 }], () => assignedToMe);
    const user = userEvent.setup();
    formJs.next = { data: { description: '已核实，井盖已更换' }, errors: {} };

    await user.click(await screen.findByTestId('task-complete'));

    expect(await screen.findByTestId('list-stub')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tasks');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ variables: { description: '已核实，井盖已更换' } });
    expect(await screen.findByText('任务已完成')).toBeInTheDocument();
  });

  it('falls back to the generic variable form when the task has no Camunda Form', async () => {
    const { calls } = setup(
      [
        { path: '/api/tasks/t2', body: {} },
        { method: 'POST', path: '/api/tasks/t1/complete', status: 204 },
      ],
      () => ({ ...assignedToMe, hasForm: false }),
    );
    const user = userEvent.setup();

    expect(await screen.findByTestId('variable-form')).toBeInTheDocument();
    expect(screen.queryByTestId('form-js')).not.toBeInTheDocument();
    await user.click(screen.getByText('添加变量'));
    await user.type(screen.getByPlaceholderText('变量名'), 'approved');
    await user.type(screen.getByPlaceholderText('值'), 'yes');
    await user.click(screen.getByTestId('task-complete'));

    await waitFor(() =>
      expect(calls.find((c) => c.url.pathname === '/api/tasks/t1/complete')?.body).toEqual({ variables: { approved: 'yes' } }),
    );
  });

  it('offers the department handler an extension request and sends it with the working days', async () => {
    const handling = detail({
      ...assignedToMe,
      name: '部门处置',
      taskDefinitionKey: 'deptHandle',
    });
    const { calls } = setup(
      [{ method: 'POST', path: '/api/tasks/t1/extension-request', status: 202 }],
      () => handling,
    );
    const user = userEvent.setup();

    await user.click(await screen.findByTestId('task-request-extension'));
    const workdays = await screen.findByTestId('extension-workdays');
    await user.clear(workdays);
    await user.type(workdays, '5');
    await user.type(screen.getByTestId('handling-reason'), '需业主配合入户');
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));

    await waitFor(() =>
      expect(calls.find((c) => c.url.pathname === '/api/tasks/t1/extension-request')?.body).toEqual({
        workdays: 5,
        reason: '需业主配合入户',
      }),
    );
    expect(await screen.findByText('延期申请已提交，等待督办审批')).toBeInTheDocument();
  });

  it('does not offer an extension twice, nor handling requests on other tasks', async () => {
    setup([], () => detail({ ...assignedToMe, taskDefinitionKey: 'deptHandle', variables: { extensionUsed: true } }));
    expect(await screen.findByTestId('task-request-extension')).toBeDisabled();
    expect(screen.getByTestId('task-request-coordination')).toBeEnabled();
  });

  it('shows no handling requests on a grid task', async () => {
    setup([], () => assignedToMe);
    await screen.findByTestId('task-unclaim');
    expect(screen.queryByTestId('task-request-extension')).not.toBeInTheDocument();
  });
});
