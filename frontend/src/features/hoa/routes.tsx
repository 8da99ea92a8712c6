import type { RouteObject } from 'react-router-dom';
import { HoaDecisionPage } from './components/HoaDecisionPage';
import { HoaListPage } from './components/HoaListPage';

export const routes: RouteObject[] = [
  { path: 'hoa', element: <HoaListPage /> },
  { path: 'hoa/:id', element: <HoaDecisionPage /> },
];
