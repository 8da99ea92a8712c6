import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { isApiError } from '@/lib/api-error';
import { fetchCsrf, type Credentials } from '../api/auth';
import { useLogin, useMe } from '../hooks/useAuth';

interface LocationState {
  from?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const loginMutation = useLogin();
  const from = (location.state as LocationState | null)?.from;
  const target = from && from !== '/login' ? from : '/tasks';

  // The login POST needs the CSRF cookie, which the server sets on this call.
  useEffect(() => {
    fetchCsrf().catch(() => undefined);
  }, []);

  if (me.data) return <Navigate to={target} replace />;

  const submit = (values: Credentials) => {
    loginMutation.mutate(values, { onSuccess: () => navigate(target, { replace: true }) });
  };

  const error = loginMutation.error;
  const errorMessage = error ? (isApiError(error) ? error.message : t('errors.unexpected')) : undefined;

  return (
    <Flex className="gf-login" vertical align="center" justify="center">
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 8 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {errorMessage && (
          <Alert type="error" showIcon title={errorMessage} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loginMutation.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
