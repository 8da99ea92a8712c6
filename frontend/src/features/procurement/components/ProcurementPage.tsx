import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { useMe } from '@/features/auth/hooks/useAuth';
import { CatalogPanel } from './CatalogPanel';
import { ContractsPanel } from './ContractsPanel';
import { VersionsPanel } from './VersionsPanel';

export function ProcurementPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'catalog';
  const buyer = (me.data?.groups ?? []).some((g) => g.id.startsWith('purchasing-dept:'));
  return (
    <div data-testid="procurement-page">
      <PageHeader title={t('procurement.title')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          items={[
            { key: 'catalog', label: t('procurement.tabs.catalog'), children: <CatalogPanel canPropose={buyer} /> },
            { key: 'versions', label: t('procurement.tabs.versions'), children: <VersionsPanel /> },
            { key: 'contracts', label: t('procurement.tabs.contracts'), children: <ContractsPanel canPlan={buyer} /> },
          ]}
        />
      </Card>
    </div>
  );
}
