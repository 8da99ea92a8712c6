import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  LogoutOutlined,
  MenuOutlined,
  PlusCircleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Flex, Grid, Layout, Menu, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { MENU_KEYS, type MenuKey } from '@/features/auth/api/auth';
import { useLogout, useMe } from '@/features/auth/hooks/useAuth';
import { HeaderModeBadge } from '@/features/incidents/components/HeaderModeBadge';

const ICONS: Record<MenuKey, ReactNode> = {
  tasks: <CheckSquareOutlined />,
  start: <PlusCircleOutlined />,
  incidents: <AlertOutlined />,
  hoa: <TeamOutlined />,
  procurement: <AuditOutlined />,
  promotion: <SolutionOutlined />,
  designer: <ApartmentOutlined />,
  dashboard: <DashboardOutlined />,
  admin: <SettingOutlined />,
};

export function menuPath(key: MenuKey): string {
  return `/${key}`;
}

export function ShellLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const me = useMe();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const narrow = screens.lg === false;

  const allowed = new Set(me.data?.menus ?? []);
  // Fixed product order, whatever order the server lists them in; unknown keys are ignored.
  const items = MENU_KEYS.filter((k) => allowed.has(k)).map((k) => ({
    key: k,
    icon: ICONS[k],
    label: t(`menu.${k}`),
    'data-testid': `menu-${k}`,
  }));
  const selected = MENU_KEYS.find((k) => location.pathname === menuPath(k) || location.pathname.startsWith(`${menuPath(k)}/`));

  const doLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <Layout className="gf-shell">
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsible
        // antd's floating zero-width trigger would cover the page title; the header has a menu button instead.
        trigger={null}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        theme="dark"
        width={208}
        // On phones the opened menu floats over the page instead of squeezing it.
        className={narrow ? 'gf-sider gf-sider-overlay' : 'gf-sider'}
        data-testid="shell-sider"
      >
        <div className="gf-logo" onClick={() => navigate('/tasks')}>
          {t('app.shortName')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={({ key }) => {
            navigate(menuPath(key as MenuKey));
            if (narrow) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      {narrow && !collapsed && <div className="gf-sider-backdrop" onClick={() => setCollapsed(true)} />}
      <Layout>
        <Layout.Header className="gf-header">
          <Flex align="center" gap={4} style={{ minWidth: 0 }}>
            {narrow && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setCollapsed((c) => !c)}
                aria-label={t('shell.menu')}
                data-testid="menu-toggle"
              />
            )}
            <Typography.Text strong className="gf-brand" ellipsis>
              {t('app.name')}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={screens.sm ? 8 : 2} style={{ minWidth: 0 }}>
            {me.data && <HeaderModeBadge />}
            <Flex align="center" gap={6} style={{ minWidth: 0 }}>
              <Avatar size="small" icon={<UserOutlined />} />
              <Typography.Text className="gf-user-name" ellipsis data-testid="user-name" title={me.data?.id}>
                {me.data?.name}
              </Typography.Text>
            </Flex>
            <LanguageSwitch compact={!screens.sm} />
            <Button type="text" icon={<LogoutOutlined />} onClick={doLogout} loading={logout.isPending} data-testid="logout">
              {screens.sm ? t('shell.logout') : null}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content className="gf-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
