import type { RouteObject } from 'react-router-dom';
import { DashboardPage } from './components/DashboardPage';

export const routes: RouteObject[] = [{ path: 'dashboard', element: <DashboardPage /> }];
