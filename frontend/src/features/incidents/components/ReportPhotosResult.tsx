import { Alert, Button, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FieldErrorsAlert } from '@/components/FieldErrorsAlert';
import { isApiError } from '@/lib/api-error';
import type { ReportPhotos } from '../hooks/useReportPhotos';

/** On the "reported" page: how the photos went, a retry when they did not, and the way to the event's record. */
export function ReportPhotosResult({ photos }: { photos: ReportPhotos }) {
  const { t } = useTranslation();
  if (!photos.eventId) return null;
  const link = (
    <Link to={`/incidents/${encodeURIComponent(photos.eventId)}`} data-testid="start-view-incident">
      {t('incidents.photos.viewIncident')}
    </Link>
  );
  if (photos.uploading) return <Spin data-testid="photos-uploading" />;
  if (photos.error) {
    const message = photos.error.message;
    return (
      <Flex vertical gap={8} align="center" data-testid="photos-failed">
        <FieldErrorsAlert
          title={t('incidents.photos.uploadFailed', { message })}
          errors={isApiError(photos.error) ? photos.error.fieldErrors : []}
        />
        <Flex gap={8}>
          <Button onClick={() => void photos.retry()}>{t('incidents.photos.retry')}</Button>
          {link}
        </Flex>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} align="center">
      {photos.uploaded > 0 && (
        <Alert type="success" showIcon title={t('incidents.photos.uploaded', { count: photos.uploaded })} data-testid="photos-uploaded" />
      )}
      {link}
    </Flex>
  );
}
