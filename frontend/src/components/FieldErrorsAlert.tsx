import { Alert } from 'antd';
import type { FieldError } from '@/lib/api-error';

export interface FieldErrorsAlertProps {
  title: string;
  errors: FieldError[];
  /** Maps a field key to the label the user saw, so the list reads like the form. */
  labelOf?: (field: string) => string | undefined;
  testId?: string;
}

export function FieldErrorsAlert({ title, errors, labelOf, testId }: FieldErrorsAlertProps) {
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={title}
      description={
        errors.length > 0 && (
          <ul className="gf-field-errors">
            {errors.map((e, i) => {
              const label = labelOf?.(e.field);
              return (
                <li key={`${e.field}-${i}`} data-field={e.field}>
                  {label && label !== e.field ? `${label} (${e.field})` : e.field}: {e.message}
                </li>
              );
            })}
          </ul>
        )
      }
    />
  );
}
