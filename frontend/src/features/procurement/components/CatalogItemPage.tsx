import { Alert, Card, Col, Descriptions, List, Row, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { BpmnDiagram } from '@/components/bpmn/BpmnDiagram';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dates';
import type { Review } from '../api/procurement';
import { useCatalogItem, useCatalogItemDiagram } from '../hooks/useProcurement';
import { ProcessTimeline } from './ProcessTimeline';
import { StatusTag } from './StatusTag';

/** A catalogue item: where its process stands, its history, its necessity reviews and its contracts. */
export function CatalogItemPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useCatalogItem(code);
  const diagram = useCatalogItemDiagram(code);
  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={detail.error.message} />;
  const { item, reviews, contracts, tasks, timeline } = detail.data;
  const mine = tasks.filter((task) => task.mine);

  return (
    <div data-testid="catalog-item-page" data-status={item.status}>
      <PageHeader title={`${item.itemCode} · ${item.itemName}`} tags={<StatusTag status={item.status} />}
        onBack={() => navigate('/procurement')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('procurement.fields.itemClass')}>{t(`procurement.itemClass.${item.itemClass}`)}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.deliveryMode')}>{t(`procurement.deliveryMode.${item.deliveryMode}`)}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.serviceNature')}>
                {t(`procurement.nature.${item.serviceNature}`, { defaultValue: item.serviceNature })}
              </Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.deptId')}>{item.deptId}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.fields.legalBasis')} span={2}>{item.legalBasis}</Descriptions.Item>
              {item.statusReason && (
                <Descriptions.Item label={t('procurement.fields.statusReason')} span={2}>{item.statusReason}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('procurement.contract.actions')}>
            {mine.length === 0 ? (
              <Typography.Text type="secondary">{t('procurement.contract.noActions')}</Typography.Text>
            ) : (
              <List size="small" dataSource={mine} renderItem={(task) => (
                <List.Item data-testid="my-task" data-key={task.taskDefinitionKey}>
                  <Typography.Text strong>{task.name}</Typography.Text>
                  <Link to={`/tasks/${task.id}`}>{t('procurement.contract.handle')}</Link>
                </List.Item>
              )} />
            )}
            {tasks.filter((task) => !task.mine).map((task) => (
              <div key={task.id}><Typography.Text type="secondary">{t('procurement.contract.waiting', { name: task.name })}</Typography.Text></div>
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('procurement.item.reviews')}>
            <Table<Review> rowKey="id" size="small" pagination={false} dataSource={reviews} columns={[
              { title: t('procurement.contract.time'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: t('procurement.item.necessityScore'), dataIndex: 'necessityScore' },
              { title: t('procurement.item.poorGrades'), dataIndex: 'poorGrades' },
              { title: t('procurement.item.adjustment'), dataIndex: 'adjustment',
                render: (v: string) => t(`procurement.item.adjustments.${v}`, { defaultValue: v }) },
            ]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('procurement.tabs.contracts')}>
            <List size="small" dataSource={contracts} renderItem={(c) => (
              <List.Item>
                <Link to={`/procurement/contracts/${c.contractId}`}>{c.contractId}</Link>
                <StatusTag status={c.status} />
              </List.Item>
            )} />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('procurement.contract.diagram')}>
            {diagram.data ? (
              <BpmnDiagram xml={diagram.data.xml} activeIds={diagram.data.activeActivityIds}
                completedIds={diagram.data.completedActivityIds} />
            ) : <Spin />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('procurement.contract.timeline')}>
            <ProcessTimeline entries={timeline} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
