import type { RouteObject } from 'react-router-dom';
import { HoaAgencyPage } from './components/HoaAgencyPage';
import { HoaDecisionPage } from './components/HoaDecisionPage';
import { HoaListPage } from './components/HoaListPage';

export const routes: RouteObject[] = [
  { path: 'hoa', element: <HoaListPage /> },
  { path: 'hoa/agency/:id', element: <HoaAgencyPage /> },
  { path: 'hoa/:id', element: <HoaDecisionPage /> },
];
