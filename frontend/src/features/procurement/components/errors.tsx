import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { FieldErrorsAlert } from '@/components/FieldErrorsAlert';
import { isApiError } from '@/lib/api-error';

/** A refused request: the server's message names every problem; the fields are listed as well. */
export function RequestError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error) && error.fieldErrors.length > 0) {
    return (
      <FieldErrorsAlert
        testId="procurement-error"
        title={t('procurement.errors.invalid')}
        errors={error.fieldErrors}
        labelOf={(field) => t(`procurement.fields.${field}`, { defaultValue: field })}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="procurement-error"
      title={error instanceof Error ? error.message : t('procurement.errors.failed')}
    />
  );
}
