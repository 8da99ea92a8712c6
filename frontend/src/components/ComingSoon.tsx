import { ToolOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return <Result icon={<ToolOutlined />} title={title} subTitle={t('comingSoon.subtitle')} data-testid="coming-soon" />;
}
