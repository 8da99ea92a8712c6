import { Alert, App, Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FieldErrorsAlert } from '@/components/FieldErrorsAlert';
import { type FormJsHandle, type FormJsSubmitResult, FormJsViewer } from '@/components/form-js/FormJsViewer';
import { PageHeader } from '@/components/PageHeader';
import { VariableForm } from '@/components/VariableForm';
import { PhotoPicker } from '@/features/incidents/components/PhotoPicker';
import { ReportPhotosResult } from '@/features/incidents/components/ReportPhotosResult';
import { useReportPhotos } from '@/features/incidents/hooks/useReportPhotos';
import { type FieldError, isApiError } from '@/lib/api-error';
import { fieldLabel, hasSubmitButton } from '@/lib/form-schema';
import type { StartResult } from '../api/processes';
import { useStartableProcesses, useStartForm, useStartProcess } from '../hooks/useStart';

/** Processes whose start page also takes scene photos, stored with the event right after the start. */
const PHOTO_PROCESSES = new Set(['grid-event']);

interface Rejection {
  message: string;
  fieldErrors: FieldError[];
}

export function StartFormPage() {
  const { key = '' } = useParams<{ key: string }>();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const processes = useStartableProcesses();
  const process = processes.data?.find((p) => p.key === key);
  // Ask for the form unless the list says there is none; the 404 NO_FORM answer covers the rest.
  const formQuery = useStartForm(key, process?.hasStartForm !== false);
  const start = useStartProcess(key);
  const viewerRef = useRef<FormJsHandle>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const [started, setStarted] = useState<StartResult | null>(null);
  // Bumped to mount a fresh, empty form for "start another".
  const [round, setRound] = useState(0);
  const takesPhotos = PHOTO_PROCESSES.has(key);
  const photos = useReportPhotos();

  const noForm =
    process?.hasStartForm === false ||
    (formQuery.isError && isApiError(formQuery.error) && formQuery.error.status === 404);

  const send = (variables: Record<string, unknown>) => {
    setRejection(null);
    start.mutate(variables, {
      onSuccess: (result) => {
        setStarted(result ?? { processInstanceId: '' });
        if (takesPhotos && result?.businessKey) void photos.upload(result.businessKey);
      },
      onError: (error) => {
        if (isApiError(error) && error.status === 400) {
          setRejection({ message: error.message, fieldErrors: error.fieldErrors });
        } else {
          void message.error(isApiError(error) ? error.message : t('errors.unexpected'));
        }
      },
    });
  };

  const onFormJsSubmit = ({ data, errors }: FormJsSubmitResult) => {
    if (Object.keys(errors).length > 0) {
      void message.warning(t('form.fixErrors'));
      return;
    }
    send(data);
  };

  const title = process?.name || key;

  if (started) {
    return (
      <Result
        status="success"
        data-testid="start-success"
        title={t('start.started', { name: title })}
        subTitle={
          started.businessKey ? (
            <span>
              {t('start.businessKey')}: <Typography.Text copyable strong data-testid="start-business-key">{started.businessKey}</Typography.Text>
            </span>
          ) : undefined
        }
        extra={[
          takesPhotos && <ReportPhotosResult key="photos" photos={photos} />,
          <Link key="tasks" to="/tasks" data-testid="start-go-tasks">
            <Button type="primary">{t('start.goToTasks')}</Button>
          </Link>,
          <Button
            key="again"
            onClick={() => {
              setStarted(null);
              photos.reset();
              setRound((r) => r + 1);
            }}
          >
            {t('start.again')}
          </Button>,
        ]}
      />
    );
  }

  let body: ReactNode;
  if (noForm) {
    body = (
      <>
        <Alert type="warning" showIcon title={t('form.noStartForm')} style={{ marginBottom: 16 }} />
        <VariableForm
          key={round}
          submitting={start.isPending}
          submitLabel={t('start.submit')}
          submitTestId="start-submit"
          onSubmit={send}
        />
      </>
    );
  } else if (formQuery.isPending) {
    body = <Spin />;
  } else if (formQuery.isError) {
    body = <Alert type="error" showIcon title={formQuery.error.message} />;
  } else {
    const ownButton = !hasSubmitButton(formQuery.data.schema);
    body = (
      <>
        <Spin spinning={start.isPending}>
          <FormJsViewer
            key={round}
            ref={viewerRef}
            schema={formQuery.data.schema}
            data={formQuery.data.data}
            onSubmit={onFormJsSubmit}
          />
        </Spin>
        {takesPhotos && (
          <div style={{ marginTop: 16 }}>
            <PhotoPicker value={photos.files} onChange={photos.setFiles} disabled={start.isPending} />
          </div>
        )}
        {ownButton && (
          <Flex justify="flex-end" style={{ marginTop: 16 }}>
            <Button type="primary" loading={start.isPending} onClick={() => viewerRef.current?.submit()} data-testid="start-submit">
              {t('start.submit')}
            </Button>
          </Flex>
        )}
      </>
    );
  }

  return (
    <div className="gf-page" data-testid="start-form-page">
      <PageHeader title={title} onBack={() => navigate('/start')} />
      {rejection && (
        <div style={{ marginBottom: 16 }}>
          <FieldErrorsAlert
            testId="start-error"
            title={rejection.message}
            errors={rejection.fieldErrors}
            labelOf={(field) => fieldLabel(formQuery.data?.schema, field)}
          />
        </div>
      )}
      <Card>{body}</Card>
    </div>
  );
}
