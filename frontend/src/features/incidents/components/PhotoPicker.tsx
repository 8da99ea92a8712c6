import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { addPhotos, MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TYPES } from '../api/photos';

export interface PhotoPickerProps {
  value: File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
}

/** Picks scene photos (phone camera or files); files the server would refuse are named and left out. */
export function PhotoPicker({ value, onChange, disabled }: PhotoPickerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const mb = MAX_PHOTO_BYTES / 1024 / 1024;

  const onPicked = (list: FileList | null) => {
    const { files, refused } = addPhotos(value, Array.from(list ?? []));
    for (const { file, problem } of refused) {
      void message.warning(t(`incidents.photos.problem.${problem}`, { name: file.name, mb, count: MAX_PHOTOS }));
    }
    onChange(files);
    // Lets the same file be picked again after it was removed.
    if (input.current) input.current.value = '';
  };

  return (
    <div data-testid="photo-picker">
      <Typography.Text strong>{t('incidents.photos.label')}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
        {t('incidents.photos.hint', { count: MAX_PHOTOS, mb })}
      </Typography.Text>
      <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
        {value.map((file, i) => (
          <Tag
            key={`${file.name}-${i}`}
            closable={!disabled}
            onClose={() => onChange(value.filter((_, j) => j !== i))}
            data-testid="photo-picked"
          >
            {file.name}
          </Tag>
        ))}
        <input
          ref={input}
          type="file"
          accept={PHOTO_TYPES.join(',')}
          multiple
          hidden
          disabled={disabled}
          onChange={(e) => onPicked(e.target.files)}
          data-testid="photo-input"
        />
        <Button
          icon={<CameraOutlined />}
          disabled={disabled || value.length >= MAX_PHOTOS}
          onClick={() => input.current?.click()}
        >
          {t('incidents.photos.pick')}
        </Button>
      </Flex>
    </div>
  );
}
