import { FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime, parseApiDateTime } from '@/lib/dates';
import { useOrgTree } from '@/features/org/hooks/useOrgTree';
import { ADMISSION_REQUEST_PROCESS, type AdmissionItem } from '../api/identity';
import { useAdmissionItems } from '../hooks/useIdentity';
import { AdminNav } from './AdminNav';

/**
 * 准入清单: the published grid-matter admission list, read-only. The list changes only through the admission request
 * process (a department applies, the governance authority evaluates), so the page links to its start form.
 */
export function AdmissionListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const items = useAdmissionItems();
  const org = useOrgTree();
  const deptName = (id: string | null) => (id ? (org.data?.departments.find((d) => d.id === id)?.name ?? id) : '—');

  return (
    <div className="gf-page" data-testid="admission-page">
      <AdminNav />
      <PageHeader
        title={t('admin.admission.title')}
        extra={
          <Button
            type="primary"
            icon={<FormOutlined />}
            onClick={() => navigate(`/start/${ADMISSION_REQUEST_PROCESS}`)}
            data-testid="admission-request"
          >
            {t('admin.admission.request')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('admin.admission.explain')}</Typography.Paragraph>
      {items.isError && <Alert type="error" showIcon title={items.error.message} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<AdmissionItem>
          rowKey="itemCode"
          size="small"
          loading={items.isFetching}
          dataSource={items.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('admin.admission.empty') }}
          onRow={(i) => ({ 'data-testid': 'admission-row', 'data-id': i.itemCode }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'code', title: t('admin.admission.code'), dataIndex: 'itemCode', width: 120 },
            { key: 'name', title: t('admin.admission.name'), dataIndex: 'itemName' },
            { key: 'category', title: t('admin.admission.category'), render: (_, i) => i.categoryCode ?? '—' },
            { key: 'dept', title: t('admin.admission.dept'), render: (_, i) => deptName(i.requestingDept) },
            { key: 'basis', title: t('admin.admission.legalBasis'), render: (_, i) => i.legalBasis ?? '—' },
            {
              key: 'validity',
              title: t('admin.admission.validity'),
              render: (_, i) =>
                i.temporary ? (
                  <Tag color="orange">{t('admin.admission.temporaryUntil', { date: parseApiDateTime(i.validTo)?.format('YYYY-MM-DD') ?? '—' })}</Tag>
                ) : (
                  <Tag color="green">{t('admin.admission.permanent')}</Tag>
                ),
            },
            { key: 'version', title: t('admin.admission.version'), dataIndex: 'listVersion', width: 90, align: 'right' },
            { key: 'approved', title: t('admin.admission.approvedAt'), render: (_, i) => formatDateTime(i.approvedAt) },
          ]}
        />
      </Card>
    </div>
  );
}
