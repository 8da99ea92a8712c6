import { Card, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { useMe } from '@/features/auth/hooks/useAuth';
import { CatalogPanel } from './CatalogPanel';
import { ContractsPanel } from './ContractsPanel';
import { ProviderContractsPanel } from './ProviderContractsPanel';
import { VersionsPanel } from './VersionsPanel';

/** Roles the server lets read the catalogue and every contract (ProcurementController.READERS). */
const READER_ROLES = ['purchasing-dept', 'finance-reviewer', 'legal-reviewer', 'governance-admin', 'city-gov-approver',
  'third-party-evaluator', 'manager', 'community-staff', 'camunda-admin'];

export function ProcurementPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const groups = me.data?.groups ?? [];
  const buyer = groups.some((g) => g.id.startsWith('purchasing-dept:'));
  // a provider (承接主体) sees its own contracts only; the catalogue and all contracts are for the procurement roles
  const provider = groups.some((g) => g.id.startsWith('service-provider:'));
  const reader = (me.data?.roles ?? []).some((r) => READER_ROLES.includes(r));
  const tab = params.get('tab') ?? (reader || !provider ? 'catalog' : 'mine');
  const tabs = [
    ...(reader || !provider
      ? [
          { key: 'catalog', label: t('procurement.tabs.catalog'), children: <CatalogPanel canPropose={buyer} /> },
          { key: 'versions', label: t('procurement.tabs.versions'), children: <VersionsPanel /> },
          { key: 'contracts', label: t('procurement.tabs.contracts'), children: <ContractsPanel canPlan={buyer} /> },
        ]
      : []),
    ...(provider ? [{ key: 'mine', label: t('procurement.tabs.mine'), children: <ProviderContractsPanel /> }] : []),
  ];
  // which tabs a user gets depends on who they are: nothing is asked of the server before that is known
  if (me.isPending) return <Spin />;
  return (
    <div data-testid="procurement-page">
      <PageHeader title={t('procurement.title')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          items={tabs}
        />
      </Card>
    </div>
  );
}
