import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PageHeaderProps {
  title: ReactNode;
  subTitle?: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
  onBack?: () => void;
}

export function PageHeader({ title, subTitle, tags, extra, onBack }: PageHeaderProps) {
  const { t } = useTranslation();
  return (
    <Flex className="gf-page-header" justify="space-between" align="center" wrap gap={12}>
      <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
        {onBack && (
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('common.back')} data-testid="page-back" />
        )}
        <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
          {title}
        </Typography.Title>
        {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
        {tags}
      </Flex>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
