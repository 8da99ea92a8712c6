import { Navigate, type RouteObject } from 'react-router-dom';
import { AdmissionListPage } from './components/AdmissionListPage';
import { CalendarAdminPage } from './components/CalendarAdminPage';
import { DutyRosterPage } from './components/DutyRosterPage';
import { GroupsPage } from './components/GroupsPage';
import { OrgTreePage } from './components/OrgTreePage';
import { OutboxPage } from './components/OutboxPage';
import { UsersPage } from './components/UsersPage';

export const routes: RouteObject[] = [
  { path: 'admin', element: <Navigate to="/admin/users" replace /> },
  { path: 'admin/users', element: <UsersPage /> },
  { path: 'admin/groups', element: <GroupsPage /> },
  { path: 'admin/org', element: <OrgTreePage /> },
  { path: 'admin/admission', element: <AdmissionListPage /> },
  { path: 'admin/calendar', element: <CalendarAdminPage /> },
  { path: 'admin/duty', element: <DutyRosterPage /> },
  { path: 'admin/notifications', element: <OutboxPage /> },
];
