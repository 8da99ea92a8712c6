import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '@/lib/i18n';

/** Toggles 中文 ⇄ English; the choice is kept in localStorage by lib/i18n. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const next = currentLanguage() === 'en' ? 'zh-CN' : 'en';

  const toggle = async () => {
    await changeLanguage(next);
    // Server texts (messages, localized names) come back in the new language on the next fetch.
    void queryClient.invalidateQueries();
  };

  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => void toggle()}
      data-testid="lang-switch"
      aria-label={t('lang.switchLabel')}
      title={t('lang.switchLabel')}
    >
      {compact ? null : t('lang.other')}
    </Button>
  );
}
