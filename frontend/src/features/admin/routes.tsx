import { Navigate, type RouteObject } from 'react-router-dom';
import { CalendarAdminPage } from './components/CalendarAdminPage';
import { DutyRosterPage } from './components/DutyRosterPage';
import { OutboxPage } from './components/OutboxPage';

export const routes: RouteObject[] = [
  { path: 'admin', element: <Navigate to="/admin/calendar" replace /> },
  { path: 'admin/calendar', element: <CalendarAdminPage /> },
  { path: 'admin/duty', element: <DutyRosterPage /> },
  { path: 'admin/notifications', element: <OutboxPage /> },
];
