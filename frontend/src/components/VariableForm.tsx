import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

export type VariableType = 'string' | 'number' | 'boolean';
export type VariableValue = string | number | boolean;

interface Row {
  name?: string;
  type: VariableType;
  value?: VariableValue;
}

interface Values {
  rows: Row[];
}

export interface VariableFormProps {
  disabled?: boolean;
  submitting?: boolean;
  submitLabel: string;
  submitTestId: string;
  onSubmit: (variables: Record<string, VariableValue>) => void;
}

function coerce(row: Row): VariableValue {
  switch (row.type) {
    case 'number':
      return typeof row.value === 'number' ? row.value : Number(row.value ?? 0);
    case 'boolean':
      return row.value === true;
    default:
      return row.value === undefined ? '' : String(row.value);
  }
}

/**
 * Fallback for tasks and processes without a Camunda Form: free key/value rows with an explicit
 * type, because Camunda stores "1" and 1 differently and gateways compare typed values.
 */
export function VariableForm({ disabled, submitting, submitLabel, submitTestId, onSubmit }: VariableFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const finish = (values: Values) => {
    const variables: Record<string, VariableValue> = {};
    for (const row of values.rows ?? []) {
      if (row.name) variables[row.name.trim()] = coerce(row);
    }
    onSubmit(variables);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={{ rows: [] }}
      onFinish={finish}
      data-testid="variable-form"
    >
      <Form.List name="rows">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" wrap className="gf-variable-row">
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[
                    { required: true, whitespace: true, message: t('variables.nameRequired') },
                    {
                      validator: (_, value: string | undefined) => {
                        const rows = form.getFieldValue('rows') as Row[];
                        const dupes = rows.filter((r) => r?.name?.trim() && r.name.trim() === value?.trim()).length;
                        return dupes > 1 ? Promise.reject(new Error(t('variables.nameDuplicate'))) : Promise.resolve();
                      },
                    },
                  ]}
                  style={{ flex: '1 1 160px', marginBottom: 8 }}
                >
                  <Input placeholder={t('variables.name')} aria-label={t('variables.name')} />
                </Form.Item>
                <Form.Item name={[field.name, 'type']} style={{ width: 120, marginBottom: 8 }}>
                  <Select
                    aria-label={t('variables.type')}
                    options={(['string', 'number', 'boolean'] as const).map((v) => ({ value: v, label: t(`variables.types.${v}`) }))}
                    onChange={() => form.setFieldValue(['rows', field.name, 'value'], undefined)}
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const type = form.getFieldValue(['rows', field.name, 'type']) as VariableType;
                    return (
                      <Form.Item
                        name={[field.name, 'value']}
                        valuePropName={type === 'boolean' ? 'checked' : 'value'}
                        style={{ flex: '2 1 200px', marginBottom: 8 }}
                      >
                        {type === 'boolean' ? (
                          <Switch aria-label={t('variables.value')} />
                        ) : type === 'number' ? (
                          <InputNumber style={{ width: '100%' }} placeholder={t('variables.value')} aria-label={t('variables.value')} />
                        ) : (
                          <Input placeholder={t('variables.value')} aria-label={t('variables.value')} />
                        )}
                      </Form.Item>
                    );
                  }}
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('variables.remove')} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'string' })} style={{ marginBottom: 16 }}>
              {t('variables.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid={submitTestId}>
          {submitLabel}
        </Button>
      </Form.Item>
    </Form>
  );
}
