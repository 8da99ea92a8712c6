import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, type RouteObject, useNavigate } from 'react-router-dom';
import { ComingSoon } from '@/components/ComingSoon';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { RequireAuth } from '@/features/auth/components/RequireAuth';
import { StartFormPage } from '@/features/start/components/StartFormPage';
import { StartPage } from '@/features/start/components/StartPage';
import { TaskDetailPage } from '@/features/tasks/components/TaskDetailPage';
import { TaskListPage } from '@/features/tasks/components/TaskListPage';
import { ShellLayout } from './ShellLayout';

const MENU_KEYS = ['incidents', 'hoa', 'procurement', 'promotion', 'designer', 'dashboard', 'admin'] as const;

// Each feature that has pages exports `routes` from src/features/<feature>/routes.tsx (paths relative to
// the shell, e.g. "hoa" and "hoa/:id"); menu entries no feature serves yet show a placeholder.
const featureRouteModules = import.meta.glob<RouteObject[]>('../features/*/routes.tsx', {
  eager: true,
  import: 'routes',
});
const featureRoutes = Object.values(featureRouteModules).flat();
const servedMenuKeys = new Set(featureRoutes.map((r) => r.path?.split('/')[0]));
const PLACEHOLDERS = MENU_KEYS.filter((key) => !servedMenuKeys.has(key));

function Placeholder({ menuKey }: { menuKey: (typeof MENU_KEYS)[number] }) {
  const { t } = useTranslation();
  return <ComingSoon title={t(`menu.${menuKey}`)} />;
}

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={<Button onClick={() => navigate('/tasks')}>{t('notFound.back')}</Button>}
    />
  );
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <ShellLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/tasks" replace /> },
      { path: 'tasks', element: <TaskListPage /> },
      { path: 'tasks/:id', element: <TaskDetailPage /> },
      { path: 'start', element: <StartPage /> },
      { path: 'start/:key', element: <StartFormPage /> },
      ...featureRoutes,
      ...PLACEHOLDERS.map((key) => ({ path: key, element: <Placeholder menuKey={key} /> })),
      { path: '*', element: <NotFound /> },
    ],
  },
];
