import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import { routes } from '../routes';

vi.mock('@/components/bpmn/BpmnDiagram', () => ({ BpmnDiagram: () => <div data-testid="bpmn-diagram" /> }));

describe('CatalogItemPage', () => {
  it('shows the item with its status, necessity reviews, contracts, history and the step waiting for the user', async () => {
    mockFetch([
      { path: '/api/me', body: { id: 'govadmin', name: '罗红', groups: [], roles: ['governance-admin'], scopes: { grids: [], communities: [], departments: [] }, menus: ['procurement'] } },
      {
        path: '/api/procurement/catalog/items/GS-1',
        body: {
          item: { itemCode: 'GS-1', itemName: '垃圾分类督导服务', itemClass: 'PUBLIC_SERVICE', deliveryMode: 'PURCHASE',
            legalBasis: '条例第六条', serviceNature: 'ENVIRONMENT', deptId: 'GOVERNANCE', status: 'SUSPENDED',
            statusReason: '合同 HT-1 终止，收回管理权限', processInstanceId: 'pi', proposedBy: 'buyer01',
            createdAt: '2026-11-27T09:00:00.000+0800', updatedAt: '2026-11-27T09:00:00.000+0800' },
          reviews: [{ id: 'r1', itemCode: 'GS-1', necessityScore: 70, legalChange: false, poorGrades: 2,
            adjustment: 'REMOVE_AND_TAKE_BACK', createdAt: '2026-11-27T09:00:00.000+0800' }],
          contracts: [{ contractId: 'HT-1', status: 'TERMINATED_TAKEN_BACK' }],
          tasks: [{ id: 't1', name: '必要性评估打分', taskDefinitionKey: 'scoreNecessity', created: '2026-11-27T09:00:00.000+0800', due: null, mine: true }],
          timeline: [{ time: '2026-11-27T09:00:00.000+0800', activityId: 'publishCatalog', activityName: '向社会公布目录',
            activityType: 'serviceTask', userId: null, userName: null, finished: true }],
        },
      },
      { path: '/api/procurement/catalog/items/GS-1/diagram', body: { xml: '<x/>', activeActivityIds: [], completedActivityIds: [] } },
    ]);
    renderRoutes(routes, '/procurement/items/GS-1');
    expect(await screen.findByTestId('catalog-item-page')).toHaveAttribute('data-status', 'SUSPENDED');
    expect(screen.getByText('已暂停')).toBeInTheDocument();
    expect(screen.getByText('移出并收回')).toBeInTheDocument();
    expect(screen.getByText('HT-1')).toHaveAttribute('href', '/procurement/contracts/HT-1');
    expect(screen.getByTestId('my-task')).toHaveAttribute('data-key', 'scoreNecessity');
    expect(screen.getByTestId('procurement-timeline')).toHaveTextContent('向社会公布目录');
  }, 60_000);
});
