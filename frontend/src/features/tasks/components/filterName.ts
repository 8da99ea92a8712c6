import type { Language } from '@/lib/i18n';
import type { TaskFilter } from '../api/types';

export function filterName(filter: Pick<TaskFilter, 'name' | 'nameEn'>, lang: Language): string {
  return lang === 'en' && filter.nameEn ? filter.nameEn : filter.name;
}
