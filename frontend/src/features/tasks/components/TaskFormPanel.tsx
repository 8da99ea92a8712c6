import { Alert, App, Button, Flex, Spin } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrorsAlert } from '@/components/FieldErrorsAlert';
import { type FormJsHandle, type FormJsSubmitResult, FormJsViewer } from '@/components/form-js/FormJsViewer';
import { VariableForm } from '@/components/VariableForm';
import { type FieldError, isApiError } from '@/lib/api-error';
import { fieldLabel, hasSubmitButton } from '@/lib/form-schema';
import type { TaskDetail, Variables } from '../api/types';
import { useCompleteTask } from '../hooks/useTaskActions';
import { useTaskForm } from '../hooks/useTaskQueries';
import { showActionError } from './actionError';

export interface TaskFormPanelProps {
  task: TaskDetail;
  /** Only the assignee works on the form; everyone else sees it read-only. */
  editable: boolean;
  claimAction?: ReactNode;
  onCompleted: () => void;
}

interface Rejection {
  message: string;
  fieldErrors: FieldError[];
}

export function TaskFormPanel({ task, editable, claimAction, onCompleted }: TaskFormPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formQuery = useTaskForm(task.id, task.hasForm);
  const complete = useCompleteTask(task.id);
  const viewerRef = useRef<FormJsHandle>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);

  const noForm =
    !task.hasForm || (formQuery.isError && isApiError(formQuery.error) && formQuery.error.status === 404);

  const send = (variables: Variables) => {
    setRejection(null);
    complete.mutate(variables, {
      onSuccess: onCompleted,
      onError: (error) => {
        // 400 keeps the user here with the server's verdict per field; 409 etc. become a toast.
        if (isApiError(error) && error.status === 400) {
          setRejection({ message: error.message, fieldErrors: error.fieldErrors });
        } else {
          showActionError(message, t, error);
        }
      },
    });
  };

  const onFormJsSubmit = ({ data, errors }: FormJsSubmitResult) => {
    // form-js already marks the invalid fields; sending would only earn the same answer from the server.
    if (Object.keys(errors).length > 0) {
      void message.warning(t('form.fixErrors'));
      return;
    }
    send(data);
  };

  const hint = !editable && (
    <Alert
      type="info"
      showIcon
      data-testid="task-claim-hint"
      style={{ marginBottom: 16 }}
      title={
        task.assignee
          ? t('task.heldBy', { name: task.assigneeName || task.assignee })
          : task.canClaim
            ? t('task.claimFirst')
            : t('task.readOnly')
      }
      action={!task.assignee && task.canClaim ? claimAction : undefined}
    />
  );

  const rejectionAlert = rejection && (
    <div style={{ marginBottom: 16 }}>
      <FieldErrorsAlert
        testId="task-complete-error"
        title={rejection.message}
        errors={rejection.fieldErrors}
        labelOf={(field) => fieldLabel(formQuery.data?.schema, field)}
      />
    </div>
  );

  if (noForm) {
    return (
      <>
        {hint}
        {rejectionAlert}
        <Alert type="warning" showIcon title={t('form.noForm')} style={{ marginBottom: 16 }} />
        <VariableForm
          disabled={!editable}
          submitting={complete.isPending}
          submitLabel={t('task.actions.complete')}
          submitTestId="task-complete"
          onSubmit={send}
        />
      </>
    );
  }

  if (formQuery.isPending) return <Spin />;
  if (formQuery.isError) return <Alert type="error" showIcon title={formQuery.error.message} />;

  const ownButton = !hasSubmitButton(formQuery.data.schema);

  return (
    <>
      {hint}
      {rejectionAlert}
      <Spin spinning={complete.isPending}>
        <FormJsViewer
          ref={viewerRef}
          schema={formQuery.data.schema}
          data={formQuery.data.data}
          disabled={!editable}
          onSubmit={onFormJsSubmit}
        />
      </Spin>
      {ownButton && (
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button
            type="primary"
            disabled={!editable}
            loading={complete.isPending}
            onClick={() => viewerRef.current?.submit()}
            data-testid="task-complete"
          >
            {t('task.actions.complete')}
          </Button>
        </Flex>
      )}
    </>
  );
}
