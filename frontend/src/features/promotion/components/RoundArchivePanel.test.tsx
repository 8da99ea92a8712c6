import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes, signedInAs } from '@/test/utils';
import { routes } from '../routes';

const me = (roles: string[], id: string) => signedInAs(id, roles, ['tasks', 'promotion']);

const key = 'PR-2037-SOE_RESERVED';
const application = (applicantId: string, status: string, rank: number | null) => ({
  roundKey: key, applicantId, communityId: 'C01', status, rank, totalScore: null, eligibilityViolations: [], facts: {},
  appliedAt: '2037-01-06T01:00:00Z', updatedAt: '2037-12-31T16:00:00Z',
});
const record = (applicantId: string, extra: Record<string, unknown>) => ({
  roundKey: key, applicantId, finalStatus: 'APPOINTED', writtenScore: 88, interviewScore: 84, bonus: 1, totalScore: 87.7,
  rank: 1, publicityEndAt: '2037-02-10T01:00:00Z', objectionsFiled: 0, objectionOutcome: null, appointmentResult: 'APPOINTED',
  objections: [], archivedAt: '2038-01-01T01:00:00Z', ...extra,
});
const disqualified = record('grid0102', {
  finalStatus: 'DISQUALIFIED', appointmentResult: 'DISQUALIFIED', rank: 2, totalScore: 80.1, objectionsFiled: 1,
  objectionOutcome: 'SUBSTANTIATED', objections: [{ filedBy: 'hr01', filedAt: '2037-02-05T02:00:00Z', text: '群众反映其考核材料不实' }],
});

describe('round archive', () => {
  it('shows HR the published results and every candidate personnel record of an archived round', async () => {
    mockFetch([
      { path: '/api/me', body: me(['hr-admin'], 'hr01') },
      {
        path: `/api/promotion/rounds/${key}`,
        body: { roundKey: key, processInstanceId: 'p9', archived: true, activities: [],
          applications: [application('grid0101', 'APPOINTED', 1), application('grid0102', 'DISQUALIFIED', 2)] },
      },
      { path: `/api/promotion/rounds/${key}/process`, status: 404, body: { status: 404, code: 'NOT_FOUND', message: '未找到' } },
      {
        path: `/api/promotion/rounds/${key}/publication`,
        body: { roundKey: key, publishedAt: '2038-01-01T01:00:00Z', scope: 'ALL_USERS', title: `${key} 选聘结果公布`,
          body: '1. grid0101：笔试 88，面试 84，加分 1，总分 87.7，正式聘用',
          entries: [{ applicantId: 'grid0101', rank: 1, status: 'APPOINTED', writtenScore: 88, interviewScore: 84, bonus: 1, totalScore: 87.7 }] },
      },
      { path: `/api/promotion/rounds/${key}/personnel-records`, body: [record('grid0101', {}), disqualified] },
    ]);
    renderRoutes(routes, `/promotion/rounds/${key}`);

    const publication = within(await screen.findByTestId('publication', {}, { timeout: 10_000 }));
    expect(screen.getByTestId('round-stage')).toHaveTextContent('已归档');
    expect(publication.getByText('公布范围：全体用户')).toBeInTheDocument();
    const row = publication.getByText('grid0101').closest('tr') as HTMLElement;
    expect(within(row).getByText('87.70')).toBeInTheDocument();
    expect(publication.queryByText('grid0102')).toBeNull();
    expect(publication.getByTestId('publication-text')).toHaveTextContent('总分 87.7');

    const records = within(await screen.findByTestId('personnel-records'));
    expect(records.getByTestId('record-result-grid0101')).toHaveTextContent('试用期满正式聘用');
    expect(records.getByTestId('record-objections-grid0101')).toHaveTextContent('无异议');
    expect(records.getByTestId('record-result-grid0102')).toHaveTextContent('取消拟聘资格');
    expect(records.getByTestId('record-objections-grid0102')).toHaveTextContent('1 件，调查结论：异议属实');
    expect(records.getByText('群众反映其考核材料不实')).toBeInTheDocument();
  }, 60_000);

  it('shows a grid worker their own personnel record under their application, and nobody else asks for others', async () => {
    const { calls } = mockFetch([
      { path: '/api/me', body: me(['grid-staff'], 'grid0102') },
      { path: '/api/promotion/my-applications', body: [application('grid0102', 'DISQUALIFIED', 2)] },
      { path: '/api/promotion/my-personnel-records', body: [disqualified] },
      { path: `/api/promotion/rounds/${key}/process`, status: 404, body: { status: 404, code: 'NOT_FOUND', message: '未找到' } },
    ]);
    renderRoutes(routes, '/promotion/mine');

    const mine = within(await screen.findByTestId(`record-${key}-grid0102`));
    expect(screen.getByText('我的人事档案记录')).toBeInTheDocument();
    expect(mine.getByTestId('record-result-grid0102')).toHaveTextContent('取消拟聘资格');
    expect(mine.getByTestId('record-objections-grid0102')).toHaveTextContent('异议属实');
    expect(mine.getByText('80.10')).toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname.endsWith('/personnel-records'))).toBe(false);
  }, 60_000);

  it('lets any grid worker read the published results of an archived round from the round list', async () => {
    mockFetch([
      { path: '/api/me', body: me(['grid-staff'], 'grid0202') },
      {
        path: '/api/promotion/rounds',
        body: {
          items: [{ roundKey: key, year: 2037, postPool: 'SOE_RESERVED', processInstanceId: 'p9',
            openedAt: '2037-01-05T01:00:00Z', archived: true, activities: [] }],
          total: 1, page: 0, size: 20,
        },
      },
      {
        path: `/api/promotion/rounds/${key}/publication`,
        body: { roundKey: key, publishedAt: '2038-01-01T01:00:00Z', scope: 'ALL_USERS', title: `${key} 选聘结果公布`,
          body: '1. grid0101：总分 87.7，正式聘用',
          entries: [{ applicantId: 'grid0101', rank: 1, status: 'APPOINTED', writtenScore: 88, interviewScore: 84, bonus: 1, totalScore: 87.7 }] },
      },
    ]);
    renderRoutes(routes, '/promotion');
    await userEvent.click(await screen.findByTestId(`publication-${key}`));
    const publication = within(await screen.findByTestId('publication', {}, { timeout: 10_000 }));
    expect(publication.getByText(`${key} 选聘结果公布`)).toBeInTheDocument();
    expect(publication.getByText('87.70')).toBeInTheDocument();
  }, 60_000);
});
