import type { PhotoPayload } from './incidents';

/** The server's limits (cn.gridflow.incident.Attachments); checked here first so a report is not started in vain. */
export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export type PhotoProblem = 'type' | 'tooLarge' | 'count';

export interface PickedFile {
  name: string;
  type: string;
  size: number;
}

/** Why this file cannot be added next to `alreadyPicked` others, or undefined when it can. */
export function photoProblem(file: PickedFile, alreadyPicked: number): PhotoProblem | undefined {
  if (alreadyPicked >= MAX_PHOTOS) return 'count';
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_PHOTO_BYTES) return 'tooLarge';
  return undefined;
}

/** Base64 of the file's bytes, without the data-URL prefix the server does not expect. */
export function toPhotoPayload(file: File): Promise<PhotoPayload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ fileName: file.name, contentType: file.type, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

export interface PickResult<F extends PickedFile> {
  files: F[];
  refused: { file: F; problem: PhotoProblem }[];
}

/** Adds newly picked files to the current ones, keeping what fits and naming why the rest does not. */
export function addPhotos<F extends PickedFile>(current: F[], picked: F[]): PickResult<F> {
  const files = [...current];
  const refused: { file: F; problem: PhotoProblem }[] = [];
  for (const file of picked) {
    const problem = photoProblem(file, files.length);
    if (problem) refused.push({ file, problem });
    else files.push(file);
  }
  return { files, refused };
}
