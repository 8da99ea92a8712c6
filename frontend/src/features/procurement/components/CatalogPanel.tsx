import { Button, Flex, Form, Input, Modal, Select, Table, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useServerPagination } from '@/hooks/useServerPagination';
import { formatDateTime } from '@/lib/dates';
import type { CatalogItem, ProposeItem } from '../api/procurement';
import { useCatalogItems, useProposeItem } from '../hooks/useProcurement';
import { RequestError } from './errors';
import { StatusTag } from './StatusTag';

const STATUSES = ['PROPOSED', 'PUBLISHED', 'SUSPENDED', 'REMOVED', 'REJECTED_NEGATIVE_LIST', 'NOT_APPROVED'];
const NATURES = ['PUBLIC_SERVICE_DELIVERY', 'ELDERLY_CARE', 'ENVIRONMENT', 'SOCIAL_WORK', 'ADMIN_ENFORCEMENT',
  'ADMIN_LICENSING', 'ADMIN_DECISION', 'PURE_GOODS_OR_WORKS', 'CIVIL_SERVANT_STAFFING'];

export function CatalogPanel({ canPropose }: { canPropose: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>();
  const { page, setPage, pagination } = useServerPagination();
  const [open, setOpen] = useState(false);
  const items = useCatalogItems(status, page);
  const propose = useProposeItem();
  const [form] = Form.useForm<ProposeItem>();

  const submit = async () => {
    const values = await form.validateFields();
    const item = await propose.mutateAsync(values).catch(() => undefined);
    if (!item) return;
    void message.success(t('procurement.catalog.proposed', {
      code: item.itemCode,
      status: t(`procurement.status.${item.status}`),
    }));
    setOpen(false);
    form.resetFields();
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Select
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('procurement.catalog.filterStatus')}
          value={status}
          onChange={(v) => { setStatus(v); setPage(0); }}
          options={STATUSES.map((s) => ({ value: s, label: t(`procurement.status.${s}`) }))}
        />
        <Typography.Text type="secondary">{t('procurement.catalog.publicHint')}</Typography.Text>
        {canPropose && (
          <Button type="primary" data-testid="propose-item" onClick={() => setOpen(true)}>
            {t('procurement.catalog.propose')}
          </Button>
        )}
      </Flex>
      <Table<CatalogItem>
        rowKey="itemCode"
        data-testid="catalog-table"
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        onRow={(item) => ({ 'data-testid': 'catalog-row', 'data-code': item.itemCode } as React.HTMLAttributes<HTMLElement>)}
        pagination={pagination(items.data)}
        columns={[
          {
            title: t('procurement.fields.itemCode'),
            dataIndex: 'itemCode',
            render: (code: string) => <Link to={`/procurement/items/${code}`} data-testid="item-link">{code}</Link>,
          },
          { title: t('procurement.fields.itemName'), dataIndex: 'itemName' },
          { title: t('procurement.fields.itemClass'), dataIndex: 'itemClass', render: (v: string) => t(`procurement.itemClass.${v}`) },
          { title: t('procurement.fields.deliveryMode'), dataIndex: 'deliveryMode', render: (v: string) => t(`procurement.deliveryMode.${v}`) },
          { title: t('procurement.fields.deptId'), dataIndex: 'deptId' },
          { title: t('procurement.fields.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          { title: t('procurement.fields.statusReason'), dataIndex: 'statusReason', ellipsis: true },
          { title: t('procurement.fields.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <Modal
        open={open}
        title={t('procurement.catalog.proposeTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okButtonProps={{ 'data-testid': 'propose-submit', loading: propose.isPending } as never}
        destroyOnHidden
      >
        <RequestError error={propose.error} />
        <Form form={form} layout="vertical" initialValues={{ itemClass: 'PUBLIC_SERVICE', deliveryMode: 'PURCHASE', serviceNature: 'PUBLIC_SERVICE_DELIVERY' }}>
          <Form.Item name="itemName" label={t('procurement.fields.itemName')} rules={[{ required: true }, { max: 200 }]}>
            <Input data-testid="item-name" />
          </Form.Item>
          <Form.Item name="itemClass" label={t('procurement.fields.itemClass')} rules={[{ required: true }]}>
            <Select options={['PUBLIC_SERVICE', 'AUXILIARY'].map((v) => ({ value: v, label: t(`procurement.itemClass.${v}`) }))} />
          </Form.Item>
          <Form.Item name="deliveryMode" label={t('procurement.fields.deliveryMode')} rules={[{ required: true }]}>
            <Select options={['PURCHASE', 'ENTRUST'].map((v) => ({ value: v, label: t(`procurement.deliveryMode.${v}`) }))} />
          </Form.Item>
          <Form.Item name="serviceNature" label={t('procurement.fields.serviceNature')} rules={[{ required: true }]}>
            <Select options={NATURES.map((v) => ({ value: v, label: t(`procurement.nature.${v}`) }))} />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('procurement.fields.legalBasis')} rules={[{ required: true }, { max: 1000 }]}>
            <Input.TextArea rows={2} data-testid="item-legal-basis" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
