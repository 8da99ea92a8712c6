import { ApartmentOutlined, BankOutlined, HomeOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Row, Spin, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import type { OrgTree } from '@/features/org/api/org';
import { useOrgTree } from '@/features/org/hooks/useOrgTree';
import { AdminNav } from './AdminNav';

function label(name: string, id: string) {
  return (
    <span data-testid="org-node" data-id={id}>
      {name} <Typography.Text type="secondary">{id}</Typography.Text>
    </span>
  );
}

/** Communities → grids → micro-grids, as events are placed and groups are made from them. */
function communityTree(org: OrgTree): TreeDataNode[] {
  return org.communities.map((c) => ({
    key: c.id,
    title: label(c.name, c.id),
    icon: <HomeOutlined />,
    children: c.grids.map((g) => ({
      key: g.id,
      title: label(g.name, g.id),
      icon: <ApartmentOutlined />,
      children: g.microGrids.map((m) => ({ key: m.id, title: label(m.name, m.id), isLeaf: true })),
    })),
  }));
}

/** 组织架构: the org master data (read-only here; the groups of the 用户组 page follow it). */
export function OrgTreePage() {
  const { t } = useTranslation();
  const org = useOrgTree();
  const communities = useMemo(() => (org.data ? communityTree(org.data) : []), [org.data]);
  const departments = useMemo<TreeDataNode[]>(
    () => (org.data?.departments ?? []).map((d) => ({ key: d.id, title: label(d.name, d.id), icon: <BankOutlined />, isLeaf: true })),
    [org.data],
  );

  return (
    <div className="gf-page" data-testid="org-page">
      <AdminNav />
      <PageHeader title={t('admin.org.title')} />
      <Typography.Paragraph type="secondary">{t('admin.org.explain')}</Typography.Paragraph>
      {org.isError && <Alert type="error" showIcon title={org.error.message} style={{ marginBottom: 16 }} />}
      <Spin spinning={org.isLoading}>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card title={t('admin.org.communities')} size="small">
              {communities.length ? (
                <Tree showIcon defaultExpandAll selectable={false} treeData={communities} data-testid="org-communities" />
              ) : (
                <Empty description={t('admin.org.empty')} />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('admin.org.departments')} size="small">
              {departments.length ? (
                <Tree showIcon selectable={false} treeData={departments} data-testid="org-departments" />
              ) : (
                <Empty description={t('admin.org.empty')} />
              )}
            </Card>
          </Col>
        </Row>
      </Spin>
    </div>
  );
}
