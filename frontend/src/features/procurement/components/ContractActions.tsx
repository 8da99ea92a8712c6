import { Button, Checkbox, Form, Input, InputNumber, List, Select, Space, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ContractView, Draft } from '../api/procurement';
import { useAward, useDraft, useEvaluate } from '../hooks/useProcurement';
import { RequestError } from './errors';
import { yuanToFen } from './money';

const EVALUATION_TASKS = ['periodicEvaluation', 'reEvaluation', 'finalEvaluation', 'thirdPartyEvaluation'];

/** What the current user can do on the contract now: the steps offered to them, some right here. */
export function ContractActions({ view, buyer }: { view: ContractView; buyer: boolean }) {
  const { t } = useTranslation();
  const id = view.contract.contractId;
  const mine = view.tasks.filter((task) => task.mine);
  const others = view.tasks.filter((task) => !task.mine);
  const canAward = buyer && view.contract.status === 'PROCURING';
  const draftTask = mine.find((task) => task.taskDefinitionKey === 'draftContract');
  const evaluationTask = mine.find((task) => EVALUATION_TASKS.includes(task.taskDefinitionKey));

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="contract-actions">
      {mine.length === 0 && !canAward && <Typography.Text type="secondary">{t('procurement.contract.noActions')}</Typography.Text>}
      {mine.length > 0 && (
        <List
          size="small"
          dataSource={mine}
          renderItem={(task) => (
            <List.Item data-testid="my-task" data-key={task.taskDefinitionKey}>
              <Typography.Text strong>{task.name}</Typography.Text>
              <Link to={`/tasks/${task.id}`}>{t('procurement.contract.handle')}</Link>
            </List.Item>
          )}
        />
      )}
      {others.map((task) => (
        <Typography.Text key={task.id} type="secondary">{t('procurement.contract.waiting', { name: task.name })}</Typography.Text>
      ))}
      {canAward && <AwardForm id={id} />}
      {draftTask && <DraftForm id={id} view={view} />}
      {evaluationTask && <EvaluationForm id={id} title={evaluationTask.name} />}
    </Space>
  );
}

function AwardForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const award = useAward(id);
  const [form] = Form.useForm<{ providerId: string; price: string }>();
  const submit = async (values: { providerId: string; price: string }) => {
    await award.mutateAsync({ providerId: values.providerId, priceFen: yuanToFen(values.price) ?? Number.NaN })
      .then(() => message.success(t('procurement.contract.submitted')))
      .catch(() => undefined);
  };
  return (
    <Form form={form} layout="inline" onFinish={(v) => void submit(v)} data-testid="award-form">
      <Typography.Text strong style={{ marginRight: 8 }}>{t('procurement.contract.awardHint')}</Typography.Text>
      <Form.Item name="providerId" label={t('procurement.fields.providerId')} rules={[{ required: true }]}>
        <Input data-testid="award-provider" />
      </Form.Item>
      <Form.Item name="price" label={t('procurement.fields.price')} rules={[{ required: true }]}>
        <Input data-testid="award-price" inputMode="decimal" />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={award.isPending} data-testid="award-submit">
        {t('procurement.contract.award')}
      </Button>
      <RequestError error={award.error} />
    </Form>
  );
}

function DraftForm({ id, view }: { id: string; view: ContractView }) {
  const { t } = useTranslation();
  const draft = useDraft(id);
  const [form] = Form.useForm();
  const submit = async (values: Record<string, unknown>) => {
    const body: Draft = {
      serviceItems: String(values.serviceItems ?? ''),
      qualityKpis: String(values.qualityKpis ?? ''),
      termMonths: Number(values.termMonths),
      stableContinuous: Boolean(values.stableContinuous),
      priceFen: yuanToFen(values.price as string) ?? Number.NaN,
      paymentMethod: String(values.paymentMethod ?? ''),
      prepayPct: Number(values.prepayPct),
      evalCycle: String(values.evalCycle),
    };
    await draft.mutateAsync(body).then(() => message.success(t('procurement.contract.submitted'))).catch(() => undefined);
  };
  const price = view.contract.priceFen;
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      data-testid="draft-form"
      initialValues={{
        price: price === null ? undefined : (price / 100).toFixed(2),
        termMonths: 12,
        prepayPct: 30,
        evalCycle: 'R/P3M',
        stableContinuous: false,
      }}
    >
      <Typography.Title level={5}>{t('procurement.contract.draft')}</Typography.Title>
      <RequestError error={draft.error} />
      <Form.Item name="serviceItems" label={t('procurement.fields.serviceItems')}><Input.TextArea rows={2} data-testid="draft-serviceItems" /></Form.Item>
      <Form.Item name="qualityKpis" label={t('procurement.fields.qualityKpis')}><Input.TextArea rows={2} data-testid="draft-qualityKpis" /></Form.Item>
      <Space wrap>
        <Form.Item name="termMonths" label={t('procurement.fields.termMonths')}><InputNumber data-testid="draft-termMonths" /></Form.Item>
        <Form.Item name="price" label={t('procurement.fields.price')}><Input data-testid="draft-price" /></Form.Item>
        <Form.Item name="prepayPct" label={t('procurement.fields.prepayPct')}><InputNumber data-testid="draft-prepayPct" /></Form.Item>
        <Form.Item name="evalCycle" label={t('procurement.fields.evalCycle')}>
          <Select style={{ width: 140 }} options={['R/P1M', 'R/P3M', 'R/P6M'].map((v) => ({ value: v, label: t(`procurement.cycle.${v}`) }))} />
        </Form.Item>
      </Space>
      <Form.Item name="stableContinuous" valuePropName="checked">
        <Checkbox>{t('procurement.fields.stableContinuous')}</Checkbox>
      </Form.Item>
      <Form.Item name="paymentMethod" label={t('procurement.fields.paymentMethod')}><Input.TextArea rows={2} data-testid="draft-paymentMethod" /></Form.Item>
      <Button htmlType="submit" type="primary" loading={draft.isPending} data-testid="draft-submit">{t('procurement.contract.submit')}</Button>
    </Form>
  );
}

function EvaluationForm({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const evaluate = useEvaluate(id);
  const submit = async (values: { evalScore: number; evalNote?: string }) => {
    await evaluate.mutateAsync(values).then(() => message.success(t('procurement.contract.submitted'))).catch(() => undefined);
  };
  return (
    <Form layout="inline" onFinish={(v) => void submit(v)} data-testid="evaluation-form">
      <Typography.Text strong style={{ marginRight: 8 }}>{title}</Typography.Text>
      <Form.Item name="evalScore" label={t('procurement.contract.score')} rules={[{ required: true }]}>
        <InputNumber data-testid="eval-score" />
      </Form.Item>
      <Form.Item name="evalNote" label={t('procurement.contract.note')}>
        <Input data-testid="eval-note" />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={evaluate.isPending} data-testid="eval-submit">
        {t('procurement.contract.evaluate')}
      </Button>
      <RequestError error={evaluate.error} />
    </Form>
  );
}
