import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { isApiError } from '@/lib/api-error';
import { useServerPagination } from '@/hooks/useServerPagination';
import type { Assessment, HrRecord } from '../api/promotion';
import { useHrRecords, useSaveHrRecord } from '../hooks/usePromotion';
import { PerformanceCell } from './PerformanceCell';

interface FormValues {
  userId: string;
  communityId: string;
  gridId?: string;
  employmentType: string;
  serviceYears: number;
  birthDate: Dayjs;
  educationRank: number;
  disciplinaryUntil?: Dayjs | null;
  performanceScore: number;
  commendationBonus?: number;
  assessments: Assessment[];
}

const GRADES = ['EXCELLENT', 'COMPETENT', 'BASIC', 'INCOMPETENT'] as const;
const EMPLOYMENT = ['FULL_TIME_GRID', 'PART_TIME_GRID', 'COMMUNITY_WORKER'] as const;

/** HR records of grid workers: service years, yearly assessments, education, discipline. */
export function HrRecordsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { page, size, pagination } = useServerPagination({ sizeChanger: true });
  const [assessmentYear, setAssessmentYear] = useState<number | undefined>();
  const records = useHrRecords(page, size, assessmentYear);
  const shownYear = assessmentYear ?? records.data?.assessmentYear;
  const save = useSaveHrRecord();
  const [editing, setEditing] = useState<HrRecord | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();

  const edit = (record: HrRecord | 'new') => {
    setEditing(record);
    form.resetFields();
    if (record !== 'new') {
      form.setFieldsValue({
        ...record,
        gridId: record.gridId ?? undefined,
        birthDate: dayjs(record.birthDate),
        disciplinaryUntil: record.disciplinaryUntil ? dayjs(record.disciplinaryUntil) : null,
      });
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({
        userId: editing === 'new' ? v.userId : (editing as HrRecord).userId,
        input: {
          communityId: v.communityId,
          gridId: v.gridId ?? null,
          employmentType: v.employmentType,
          serviceYears: v.serviceYears,
          birthDate: v.birthDate.format('YYYY-MM-DD'),
          educationRank: v.educationRank,
          disciplinaryUntil: v.disciplinaryUntil ? v.disciplinaryUntil.format('YYYY-MM-DD') : null,
          performanceScore: v.performanceScore,
          commendationBonus: v.commendationBonus ?? 0,
          assessments: v.assessments ?? [],
          version: editing === 'new' ? null : (editing as HrRecord).version,
        },
      });
      setEditing(null);
      void message.success(t('promotion.hr.saved'));
    } catch (e) {
      void message.error(isApiError(e) ? e.message : t('errors.unexpected'));
    }
  };

  return (
    <>
      <PageHeader
        title={t('promotion.hr.title')}
        onBack={() => navigate('/promotion')}
        extra={<Button type="primary" onClick={() => edit('new')}>{t('promotion.hr.add')}</Button>}
      />
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <span>{t('promotion.hr.assessmentYear')}</span>
          <InputNumber
            min={2000}
            max={2100}
            value={shownYear}
            // only whole years the server accepts; typing "2" on the way to "2024" asks nothing
            onChange={(v) => {
              if (typeof v === 'number' && v >= 2000 && v <= 2100) setAssessmentYear(v);
            }}
            data-testid="assessment-year"
          />
          <Typography.Text type="secondary">{t('promotion.hr.performanceRule')}</Typography.Text>
        </Space>
        <Table<HrRecord>
          rowKey="userId"
          loading={records.isPending}
          dataSource={records.data?.items ?? []}
          pagination={pagination(records.data)}
          columns={[
            { title: t('promotion.hr.userId'), dataIndex: 'userId' },
            { title: t('promotion.board.community'), dataIndex: 'communityId' },
            { title: t('promotion.hr.employmentType'), dataIndex: 'employmentType', render: (v: string) => t(`promotion.employment.${v}`) },
            { title: t('promotion.hr.serviceYears'), dataIndex: 'serviceYears' },
            { title: t('promotion.hr.education'), dataIndex: 'educationRank', render: (v: number) => t(`promotion.education.${v}`) },
            {
              title: t('promotion.hr.assessments'),
              dataIndex: 'assessments',
              render: (list: Assessment[]) =>
                list.map((a) => (
                  <Tag key={a.year} color={a.grade === 'EXCELLENT' ? 'green' : a.grade === 'COMPETENT' ? 'blue' : 'red'}>
                    {a.year} {t(`promotion.grade.${a.grade}`)}
                  </Tag>
                )),
            },
            { title: t('promotion.hr.disciplinaryUntil'), dataIndex: 'disciplinaryUntil', render: (v: string | null) => v ?? '—' },
            { title: t('promotion.hr.performance'), dataIndex: 'performanceScore' },
            {
              title: t('promotion.hr.usedPerformance', { year: shownYear ?? '' }),
              render: (_, r) => (
                <PerformanceCell id={r.userId} score={r.performance?.score} source={r.performance?.source} performance={r.performance} />
              ),
            },
            { title: t('promotion.board.bonus'), dataIndex: 'commendationBonus' },
            { title: '', render: (_, r) => <Button size="small" onClick={() => edit(r)}>{t('promotion.hr.edit')}</Button> },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('promotion.hr.add') : t('promotion.hr.edit')}
        onCancel={() => setEditing(null)}
        onOk={submit}
        confirmLoading={save.isPending}
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ employmentType: 'FULL_TIME_GRID', educationRank: 3, assessments: [] }}>
          {editing === 'new' && (
            <Form.Item name="userId" label={t('promotion.hr.userId')} rules={[{ required: true, max: 64 }]}>
              <Input />
            </Form.Item>
          )}
          <Space wrap>
            <Form.Item name="communityId" label={t('promotion.board.community')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="gridId" label={t('promotion.hr.gridId')}>
              <Input />
            </Form.Item>
            <Form.Item name="employmentType" label={t('promotion.hr.employmentType')} rules={[{ required: true }]}>
              <Select style={{ width: 200 }} options={EMPLOYMENT.map((e) => ({ value: e, label: t(`promotion.employment.${e}`) }))} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="serviceYears" label={t('promotion.hr.serviceYears')} rules={[{ required: true }]}>
              <InputNumber min={0} max={60} step={0.5} />
            </Form.Item>
            <Form.Item name="birthDate" label={t('promotion.hr.birthDate')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="educationRank" label={t('promotion.hr.education')} rules={[{ required: true }]}>
              <Select style={{ width: 140 }} options={[1, 2, 3, 4, 5].map((e) => ({ value: e, label: t(`promotion.education.${e}`) }))} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="performanceScore" label={t('promotion.hr.performance')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="commendationBonus" label={t('promotion.board.bonus')}>
              <InputNumber min={0} max={20} />
            </Form.Item>
            <Form.Item name="disciplinaryUntil" label={t('promotion.hr.disciplinaryUntil')}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.List name="assessments">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'year']} rules={[{ required: true }]}>
                      <InputNumber min={2000} max={2100} placeholder={t('promotion.rounds.year')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'grade']} rules={[{ required: true }]}>
                      <Select style={{ width: 140 }} options={GRADES.map((g) => ({ value: g, label: t(`promotion.grade.${g}`) }))} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                  {t('promotion.hr.addAssessment')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
