import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';

// ECharts is large: load the dashboard (and it) only when a manager opens it.
const DashboardPage = lazy(() => import('./components/DashboardPage').then((m) => ({ default: m.DashboardPage })));

export const routes: RouteObject[] = [
  {
    path: 'dashboard',
    element: (
      <Suspense fallback={<Spin />}>
        <DashboardPage />
      </Suspense>
    ),
  },
];
