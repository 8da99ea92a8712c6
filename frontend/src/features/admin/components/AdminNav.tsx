import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

const SECTIONS = ['users', 'groups', 'org', 'admission', 'calendar', 'duty', 'notifications'] as const;

/** The administration screens this feature serves, one click apart. */
export function AdminNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const current = SECTIONS.find((s) => location.pathname.startsWith(`/admin/${s}`)) ?? 'users';
  return (
    <Segmented
      value={current}
      onChange={(value) => navigate(`/admin/${value}`)}
      options={SECTIONS.map((s) => ({ value: s, label: t(`admin.nav.${s}`) }))}
      style={{ marginBottom: 16 }}
      data-testid="admin-nav"
    />
  );
}
