import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Card, DatePicker, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrorsAlert } from '@/components/FieldErrorsAlert';
import { PageHeader } from '@/components/PageHeader';
import { type ApiError, isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/dates';
import type { CalendarDay, DayKind } from '../api/admin';
import { kindWarning, selectableYears } from '../api/calendarRules';
import { useCalendarDays, useDeleteCalendarDay, useSaveCalendarDay } from '../hooks/useAdmin';
import { AdminNav } from './AdminNav';

interface Editing {
  /** Set when changing an existing day: its date is the key and stays. */
  existing?: CalendarDay;
}

interface DayForm {
  date?: Dayjs;
  kind?: DayKind;
  name?: string;
}

export function CalendarAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const days = useCalendarDays(year);
  const remove = useDeleteCalendarDay();
  const [editing, setEditing] = useState<Editing | null>(null);

  const onDelete = (day: CalendarDay) =>
    remove.mutate(day.date, {
      onSuccess: () => void message.success(t('admin.calendar.deleted', { date: day.date })),
      onError: (error) => void message.error(isApiError(error) ? error.message : t('errors.unexpected')),
    });

  return (
    <div className="gf-page" data-testid="calendar-admin-page">
      <AdminNav />
      <PageHeader
        title={t('admin.calendar.title')}
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              options={selectableYears(thisYear).map((y) => ({ value: y, label: t('admin.calendar.year', { year: y }) }))}
              style={{ width: 120 }}
              data-testid="calendar-year"
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="calendar-add">
              {t('admin.calendar.add')}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('admin.calendar.explain')}</Typography.Paragraph>
      {days.isError && <Alert type="error" showIcon title={days.error.message} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<CalendarDay>
          rowKey="date"
          size="small"
          loading={days.isFetching}
          dataSource={days.data ?? []}
          pagination={false}
          locale={{ emptyText: t('admin.calendar.empty', { year }) }}
          onRow={(day) => ({ 'data-testid': 'calendar-row', 'data-date': day.date }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'date',
              title: t('admin.calendar.date'),
              width: 160,
              render: (_, day) => `${day.date} ${t(`admin.weekdays.${dayjs(day.date).day()}`)}`,
            },
            {
              key: 'kind',
              title: t('admin.calendar.kind'),
              width: 120,
              render: (_, day) => (
                <Tag color={day.kind === 'HOLIDAY' ? 'red' : 'blue'} data-testid="calendar-kind">
                  {t(`admin.calendar.kinds.${day.kind}`)}
                </Tag>
              ),
            },
            { key: 'name', title: t('admin.calendar.name'), dataIndex: 'name' },
            {
              key: 'updated',
              title: t('admin.calendar.updated'),
              width: 200,
              responsive: ['md'],
              render: (_, day) => (day.updatedBy ? `${day.updatedBy} · ${formatDateTime(day.updatedAt)}` : '—'),
            },
            {
              key: 'actions',
              title: '',
              width: 110,
              render: (_, day) => (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('admin.calendar.edit')}
                    onClick={() => setEditing({ existing: day })}
                    data-testid="calendar-edit"
                  />
                  <Popconfirm
                    title={t('admin.calendar.confirmDelete', { date: day.date })}
                    onConfirm={() => onDelete(day)}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                  >
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="calendar-delete" />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <DayModal
          editing={editing}
          year={year}
          onClose={() => setEditing(null)}
          onSaved={(day) => {
            setEditing(null);
            void message.success(t('admin.calendar.saved', { date: day.date }));
          }}
        />
      )}
    </div>
  );
}

function DayModal({
  editing,
  year,
  onClose,
  onSaved,
}: {
  editing: Editing;
  year: number;
  onClose: () => void;
  onSaved: (day: CalendarDay) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DayForm>();
  const save = useSaveCalendarDay();
  const [rejected, setRejected] = useState<ApiError | null>(null);
  const date = Form.useWatch('date', form);
  const kind = Form.useWatch('kind', form);
  const warning = kindWarning(date?.format('YYYY-MM-DD'), kind);
  const existing = editing.existing;

  const submit = (values: DayForm) => {
    setRejected(null);
    save.mutate(
      { date: values.date!.format('YYYY-MM-DD'), kind: values.kind!, name: values.name ?? '' },
      {
        onSuccess: (saved) => onSaved(saved),
        onError: (error) => setRejected(isApiError(error) ? error : null),
      },
    );
  };

  return (
    <Modal
      open
      title={existing ? t('admin.calendar.editTitle', { date: existing.date }) : t('admin.calendar.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'calendar-save' } as ButtonProps}
      destroyOnHidden
    >
      {rejected && (
        <div style={{ marginBottom: 16 }} data-testid="calendar-error">
          <FieldErrorsAlert
            title={rejected.message}
            errors={rejected.fieldErrors}
            labelOf={(field) => (field === 'kind' || field === 'name' ? t(`admin.calendar.${field}`) : undefined)}
          />
        </div>
      )}
      <Form<DayForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          existing
            ? { date: dayjs(existing.date), kind: existing.kind, name: existing.name }
            : { date: dayjs(`${year}-01-01`), kind: 'HOLIDAY' }
        }
      >
        <Form.Item name="date" label={t('admin.calendar.date')} rules={[{ required: true, message: t('admin.calendar.dateRequired') }]}>
          <DatePicker disabled={!!existing} style={{ width: '100%' }} data-testid="calendar-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['HOLIDAY', 'WORKDAY'] as const).map((k) => ({ value: k, label: t(`admin.calendar.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.calendar.name')}
          extra={t('admin.calendar.nameHint')}
          rules={[
            { required: true, whitespace: true, message: t('admin.calendar.nameRequired') },
            { max: 100, message: t('admin.calendar.nameTooLong', { max: 100 }) },
          ]}
        >
          <Input data-testid="calendar-name" />
        </Form.Item>
        {warning && <Alert type="warning" showIcon title={t(`admin.calendar.warnings.${warning}`)} data-testid="calendar-warning" />}
      </Form>
    </Modal>
  );
}
