import type { RouteObject } from 'react-router-dom';
import { IncidentListPage } from './components/IncidentListPage';
import { IncidentRecordPage } from './components/IncidentRecordPage';

export const routes: RouteObject[] = [
  { path: 'incidents', element: <IncidentListPage /> },
  { path: 'incidents/:id', element: <IncidentRecordPage /> },
];
