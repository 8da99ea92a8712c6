import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Card, Drawer, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { useServerPagination } from '@/hooks/useServerPagination';
import { type ApiError, isApiError } from '@/lib/api-error';
import type { AdminUser, UserDraft } from '../api/identity';
import { useGroups, useResetPassword, useSaveUser, useUsers } from '../hooks/useIdentity';
import { AdminNav } from './AdminNav';

const PAGE_SIZE = 20;
/** The server's rules (UserRequests), checked here first so most mistakes never make a round trip. */
const ID_PATTERN = /^[a-zA-Z0-9_.-]{1,64}$/;
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

type Editing = { mode: 'create' } | { mode: 'edit'; user: AdminUser } | { mode: 'password'; user: AdminUser };

/** 用户: the people who sign in, their groups, and a password reset when someone is locked out. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const { page, setPage, size, pagination } = useServerPagination({ pageSize: PAGE_SIZE });
  const users = useUsers({ q: q || undefined, page, size });
  const [editing, setEditing] = useState<Editing | null>(null);

  return (
    <div className="gf-page" data-testid="users-page">
      <AdminNav />
      <PageHeader
        title={t('admin.users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="user-add">
            {t('admin.users.add')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('admin.users.search')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(0);
          }}
          style={{ maxWidth: 360 }}
          data-testid="user-search"
        />
      </Card>
      {users.isError && <Alert type="error" showIcon title={users.error.message} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<AdminUser>
          rowKey="id"
          size="small"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          pagination={pagination(users.data)}
          locale={{ emptyText: t('admin.users.empty') }}
          onRow={(u) => ({ 'data-testid': 'user-row', 'data-id': u.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'id', title: t('admin.users.id'), dataIndex: 'id', width: 160 },
            { key: 'name', title: t('admin.users.name'), dataIndex: 'name', width: 140 },
            { key: 'email', title: t('admin.users.email'), render: (_, u) => u.email ?? '—' },
            {
              key: 'groups',
              title: t('admin.users.groups'),
              render: (_, u) => (
                <Flex gap={4} wrap>
                  {u.groups.map((g) => (
                    <Tag key={g} color={g === 'camunda-admin' ? 'red' : undefined}>
                      {g}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'actions',
              title: '',
              width: 90,
              render: (_, u) => (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('admin.users.edit')}
                    title={t('admin.users.edit')}
                    onClick={() => setEditing({ mode: 'edit', user: u })}
                    data-testid="user-edit"
                  />
                  <Button
                    type="link"
                    size="small"
                    icon={<KeyOutlined />}
                    aria-label={t('admin.users.resetPassword')}
                    title={t('admin.users.resetPassword')}
                    onClick={() => setEditing({ mode: 'password', user: u })}
                    data-testid="user-password"
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && editing.mode !== 'password' && (
        <UserDrawer
          user={editing.mode === 'edit' ? editing.user : null}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            setEditing(null);
            void message.success(t('admin.users.saved', { id: u.id }));
          }}
        />
      )}
      {editing?.mode === 'password' && (
        <PasswordDrawer
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('admin.users.passwordReset', { id: editing.user.id }));
          }}
        />
      )}
    </div>
  );
}

type UserForm = Required<Pick<UserDraft, 'groups'>> & Omit<UserDraft, 'groups'>;

/** The server's field errors shown on the fields they concern. */
function fieldErrorsOf(error: ApiError) {
  return error.fieldErrors.map((f) => ({ name: f.field as keyof UserForm, errors: [f.message] }));
}

function UserDrawer({ user, onClose, onSaved }: { user: AdminUser | null; onClose: () => void; onSaved: (u: AdminUser) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserForm>();
  const save = useSaveUser();
  const [rejected, setRejected] = useState<ApiError | null>(null);
  const submit = (values: UserForm) => {
    setRejected(null);
    const draft: UserDraft = { ...values, groups: values.groups ?? [] };
    save.mutate(
      { id: user?.id ?? null, draft },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (!isApiError(error)) return;
          setRejected(error);
          form.setFields(fieldErrorsOf(error));
        },
      },
    );
  };
  return (
    <Drawer
      open
      size={520}
      title={user ? t('admin.users.editTitle', { id: user.id }) : t('admin.users.add')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} {...({ 'data-testid': 'user-save' } as ButtonProps)}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {rejected && <Alert type="error" showIcon title={rejected.message} style={{ marginBottom: 16 }} data-testid="user-error" />}
      <Form<UserForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          user
            ? { firstName: user.firstName ?? '', lastName: user.lastName ?? '', email: user.email ?? '', groups: user.groups }
            : { groups: [] }
        }
      >
        {!user && (
          <Form.Item
            name="id"
            label={t('admin.users.id')}
            extra={t('admin.users.idHint')}
            rules={[
              { required: true, message: t('admin.users.idRequired') },
              { pattern: ID_PATTERN, message: t('admin.users.idHint') },
            ]}
          >
            <Input autoComplete="off" data-testid="user-id" />
          </Form.Item>
        )}
        <Flex gap={12}>
          <Form.Item name="lastName" label={t('admin.users.lastName')} style={{ flex: 1 }} rules={[{ max: 64 }]}>
            <Input data-testid="user-last-name" />
          </Form.Item>
          <Form.Item
            name="firstName"
            label={t('admin.users.firstName')}
            style={{ flex: 1 }}
            dependencies={['lastName']}
            rules={[
              { max: 64 },
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  value?.trim() || (getFieldValue('lastName') as string | undefined)?.trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('admin.users.nameRequired'))),
              }),
            ]}
          >
            <Input data-testid="user-first-name" />
          </Form.Item>
        </Flex>
        <Form.Item name="email" label={t('admin.users.email')} rules={[{ type: 'email', message: t('admin.users.emailInvalid') }]}>
          <Input data-testid="user-email" />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('admin.users.initialPassword')}
            rules={[
              { required: true, message: t('admin.users.passwordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX }) },
              { min: PASSWORD_MIN, max: PASSWORD_MAX, message: t('admin.users.passwordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX }) },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password-input" />
          </Form.Item>
        )}
        <Form.Item name="groups" label={t('admin.users.groups')} extra={t('admin.users.groupsHint')}>
          <GroupPicker />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** Picks existing groups, searched on the server (there is one group per role and grid, community or department). */
function GroupPicker({ value, onChange }: { value?: string[]; onChange?: (groups: string[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const groups = useGroups({ q: search || undefined, page: 0, size: 50 });
  const options = (groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name ? `${g.id} · ${g.name}` : g.id }));
  // chosen groups stay visible (as their id) when the current search does not list them
  for (const id of value ?? []) if (!options.some((o) => o.value === id)) options.push({ value: id, label: id });
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={groups.isFetching}
      placeholder={t('admin.users.groupsPlaceholder')}
      notFoundContent={t('admin.groups.empty')}
      data-testid="user-groups"
    />
  );
}

function PasswordDrawer({ user, onClose, onSaved }: { user: AdminUser; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const [rejected, setRejected] = useState<ApiError | null>(null);
  return (
    <Drawer
      open
      size={420}
      title={t('admin.users.resetTitle', { id: user.id, name: user.name })}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={reset.isPending} onClick={() => form.submit()} {...({ 'data-testid': 'password-save' } as ButtonProps)}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.users.resetExplain')}</Typography.Paragraph>
      {rejected && <Alert type="error" showIcon title={rejected.message} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ password }) =>
          reset.mutate({ id: user.id, password }, { onSuccess: onSaved, onError: (e) => setRejected(isApiError(e) ? e : null) })
        }
      >
        <Form.Item
          name="password"
          label={t('admin.users.newPassword')}
          rules={[
            { required: true, message: t('admin.users.passwordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX }) },
            { min: PASSWORD_MIN, max: PASSWORD_MAX, message: t('admin.users.passwordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX }) },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
