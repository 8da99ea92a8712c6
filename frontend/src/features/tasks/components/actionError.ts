import type { MessageInstance } from 'antd/es/message/interface';
import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-error';

/** Server messages are already localized (Accept-Language) and specific, e.g. "任务已被 张伟 认领". */
export function showActionError(message: MessageInstance, t: TFunction, error: unknown): void {
  void message.error(isApiError(error) ? error.message : t('errors.unexpected'));
}
