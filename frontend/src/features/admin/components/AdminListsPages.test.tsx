import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import { AdmissionListPage } from './AdmissionListPage';
import { GroupsPage } from './GroupsPage';
import { OrgTreePage } from './OrgTreePage';

const org = {
  communities: [
    {
      id: 'C01',
      name: '华中社区',
      grids: [{ id: 'G0101', name: '华中社区第一网格', microGrids: [{ id: 'G010101', name: '华中社区第一网格·第1微网格' }] }],
    },
    { id: 'C02', name: '湖前社区', grids: [{ id: 'G0202', name: '湖前社区第二网格', microGrids: [] }] },
  ],
  departments: [{ id: 'ENFORCE', name: '综合行政执法局' }],
};

// antd's table and tree render slowly in jsdom on a loaded 2-core machine.
describe('admin list pages', { timeout: 90_000 }, () => {
  it('用户组: lists groups with type and member count and filters by type on the server', async () => {
    const { calls } = mockFetch([
      { path: '/api/admin/groups/types', body: ['community', 'grid', 'role', 'SYSTEM'] },
      {
        path: '/api/admin/groups',
        respond: (url) => ({
          body: {
            items:
              url.searchParams.get('type') === 'grid'
                ? [{ id: 'grid-staff:G0202', name: '专职网格员 · 湖前社区第二网格', type: 'grid', members: 1 }]
                : [
                    { id: 'camunda-admin', name: '系统管理员', type: 'SYSTEM', members: 1 },
                    { id: 'grid-staff', name: '专职网格员', type: 'role', members: 4 },
                  ],
            total: 2,
            page: 0,
            size: 20,
          },
        }),
      },
    ]);
    renderRoutes([{ path: '/admin/groups', element: <GroupsPage /> }], '/admin/groups');
    const rows = await screen.findAllByTestId('group-row');
    expect(rows[0]).toHaveTextContent('camunda-admin');
    expect(rows[0]).toHaveTextContent('系统');
    expect(rows[1]).toHaveTextContent('4');

    fireEvent.click(await screen.findByText('网格'));
    await waitFor(() => expect(calls.at(-1)?.url.searchParams.get('type')).toBe('grid'));
    await waitFor(() => expect(screen.getAllByTestId('group-row')).toHaveLength(1));
    expect(screen.getByTestId('group-row')).toHaveTextContent('湖前社区第二网格');
  });

  it('组织架构: shows communities, grids, micro-grids and departments', async () => {
    mockFetch([{ path: '/api/org/tree', body: org }]);
    renderRoutes([{ path: '/admin/org', element: <OrgTreePage /> }], '/admin/org');
    expect(await screen.findByText('华中社区第一网格·第1微网格')).toBeInTheDocument();
    expect(screen.getByText('湖前社区第二网格')).toBeInTheDocument();
    expect(screen.getByTestId('org-departments')).toHaveTextContent('综合行政执法局');
  });

  it('准入清单: lists the published items read-only and leads to the request process', async () => {
    mockFetch([
      { path: '/api/org/tree', body: org },
      {
        path: '/api/admission-items',
        body: [
          {
            itemCode: 'ADM-001',
            itemName: '电动自行车违规充电巡查',
            categoryCode: 'SAFETY_HAZARD',
            requestingDept: 'ENFORCE',
            legalBasis: '《龙港市社区治理条例》第十二条',
            temporary: true,
            validTo: '2026-12-31T23:59:59.999+0800',
            listVersion: 3,
            approvedAt: '2026-11-20T09:00:00.000+0800',
          },
        ],
      },
    ]);
    const { router } = renderRoutes(
      [
        { path: '/admin/admission', element: <AdmissionListPage /> },
        { path: '/start/:key', element: <div data-testid="start-form" /> },
      ],
      '/admin/admission',
    );
    const row = await screen.findByTestId('admission-row');
    await waitFor(() => expect(row).toHaveTextContent('综合行政执法局'));
    expect(row).toHaveTextContent('电动自行车违规充电巡查');
    expect(row).toHaveTextContent('临时，至 2026-12-31');
    expect(screen.queryByRole('button', { name: /删除|编辑/ })).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId('admission-request'));
    expect(await screen.findByTestId('start-form')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/start/grid-matter-admission-request');
  });
});
