import { Button, Flex, Form, Input, Modal, Select, Table, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useOrgTree } from '@/features/org/hooks/useOrgTree';
import { useServerPagination } from '@/hooks/useServerPagination';
import { formatDateTime } from '@/lib/dates';
import type { Contract } from '../api/procurement';
import { useCatalogItems, useContracts, usePlanContract } from '../hooks/useProcurement';
import { RequestError } from './errors';
import { formatFen, yuanToFen } from './money';
import { StatusTag } from './StatusTag';

export function ContractsPanel({ canPlan }: { canPlan: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { page, pagination } = useServerPagination();
  const [open, setOpen] = useState(false);
  const contracts = useContracts(undefined, page);
  const published = useCatalogItems('PUBLISHED', 0);
  const plan = usePlanContract();
  const org = useOrgTree();
  const [form] = Form.useForm<{ itemCode: string; budget: string; communityId?: string }>();

  const submit = async () => {
    const values = await form.validateFields();
    const contract = await plan
      .mutateAsync({
        itemCode: values.itemCode,
        budgetFen: yuanToFen(values.budget) ?? Number.NaN,
        communityId: values.communityId,
      })
      .catch(() => undefined);
    if (!contract) return;
    void message.success(t('procurement.contracts.planned', { id: contract.contractId }));
    setOpen(false);
    navigate(`/procurement/contracts/${contract.contractId}`);
  };

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        {canPlan && (
          <Button type="primary" data-testid="plan-contract" onClick={() => setOpen(true)}>
            {t('procurement.contracts.plan')}
          </Button>
        )}
      </Flex>
      <Table<Contract>
        rowKey="contractId"
        data-testid="contracts-table"
        loading={contracts.isFetching}
        dataSource={contracts.data?.items ?? []}
        pagination={pagination(contracts.data)}
        columns={[
          {
            title: t('procurement.fields.contractId'),
            dataIndex: 'contractId',
            render: (id: string) => <Link to={`/procurement/contracts/${id}`} data-testid="contract-link">{id}</Link>,
          },
          { title: t('procurement.fields.itemCode'), dataIndex: 'itemCode' },
          { title: t('procurement.fields.deptId'), dataIndex: 'deptId' },
          { title: t('procurement.fields.providerId'), dataIndex: 'providerId' },
          { title: t('procurement.fields.price'), dataIndex: 'priceFen', render: (v: number | null) => formatFen(v, i18n.language) },
          { title: t('procurement.fields.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          { title: t('procurement.fields.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <Modal
        open={open}
        title={t('procurement.contracts.planTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okButtonProps={{ 'data-testid': 'plan-submit', loading: plan.isPending } as never}
        destroyOnHidden
      >
        <RequestError error={plan.error} />
        <Form form={form} layout="vertical">
          <Form.Item name="itemCode" label={t('procurement.contracts.item')} rules={[{ required: true }]}>
            <Select
              data-testid="plan-item"
              showSearch
              optionFilterProp="label"
              options={(published.data?.items ?? []).map((i) => ({ value: i.itemCode, label: `${i.itemCode} ${i.itemName}` }))}
            />
          </Form.Item>
          <Form.Item name="budget" label={t('procurement.fields.budget')} rules={[{ required: true }]}>
            <Input data-testid="plan-budget" inputMode="decimal" />
          </Form.Item>
          <Form.Item
            name="communityId"
            label={t('procurement.fields.communityId')}
            extra={t('procurement.contracts.communityHint')}
          >
            <Select
              data-testid="plan-community"
              allowClear
              options={(org.data?.communities ?? []).map((c) => ({ value: c.id, label: `${c.id} ${c.name}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
