import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQueryKey } from '@/features/auth/api/auth';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { createQueryClient } from './query-client';

/** When any call finds the session gone, forget the user; RequireAuth then shows the login page. */
function SessionWatcher() {
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (queryClient.getQueryData(meQueryKey)) queryClient.setQueryData(meQueryKey, null);
    });
    return () => setUnauthorizedHandler(undefined);
  }, [queryClient]);
  return null;
}

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enUS : zhCN;
  return (
    <ConfigProvider locale={locale} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: ReturnType<typeof createQueryClient> }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <SessionWatcher />
      <LocalizedAntd>{children}</LocalizedAntd>
    </QueryClientProvider>
  );
}
