import { useState } from 'react';
import { toPhotoPayload } from '../api/photos';
import { useAddPhotos } from './useIncidents';

/**
 * Photos picked on the patrol report's start page. The start form has no photo field (form-js keeps files out of
 * process variables), so the photos go to the event right after the start, under its business key.
 */
export function useReportPhotos() {
  const [files, setFiles] = useState<File[]>([]);
  const [eventId, setEventId] = useState<string | null>(null);
  const add = useAddPhotos();

  const upload = async (id: string) => {
    setEventId(id);
    if (files.length === 0) return;
    const photos = await Promise.all(files.map(toPhotoPayload));
    add.mutate({ id, photos });
  };

  const reset = () => {
    setFiles([]);
    setEventId(null);
    add.reset();
  };

  return {
    files,
    setFiles,
    upload,
    retry: () => (eventId ? upload(eventId) : Promise.resolve()),
    reset,
    eventId,
    uploading: add.isPending,
    uploaded: add.isSuccess ? (add.data?.attachmentIds.length ?? 0) : 0,
    error: add.error,
  };
}

export type ReportPhotos = ReturnType<typeof useReportPhotos>;
