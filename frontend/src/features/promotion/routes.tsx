import type { RouteObject } from 'react-router-dom';
import { CommendationListPage } from './components/CommendationListPage';
import { CommendationPage } from './components/CommendationPage';
import { HrRecordsPage } from './components/HrRecordsPage';
import { MyApplicationsPage } from './components/MyApplicationsPage';
import { RoundBoardPage } from './components/RoundBoardPage';
import { RoundListPage } from './components/RoundListPage';

export const routes: RouteObject[] = [
  { path: 'promotion', element: <RoundListPage /> },
  { path: 'promotion/rounds/:roundKey', element: <RoundBoardPage /> },
  { path: 'promotion/hr-records', element: <HrRecordsPage /> },
  { path: 'promotion/mine', element: <MyApplicationsPage /> },
  { path: 'promotion/commendations', element: <CommendationListPage /> },
  { path: 'promotion/commendations/:id', element: <CommendationPage /> },
];
