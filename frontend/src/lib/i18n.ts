import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'gridflow.lang';

type Messages = Record<string, unknown>;

// Each feature may keep its own texts in src/features/<feature>/locales/<language>.json (top-level keys
// named after the feature), so features do not all edit the two shared files.
const featureLocales = import.meta.glob<Messages>('../features/*/locales/*.json', { eager: true, import: 'default' });

function withFeatureTexts(base: Messages, language: Language): Messages {
  const merged: Messages = { ...base };
  for (const [path, messages] of Object.entries(featureLocales)) {
    if (path.endsWith(`/${language}.json`)) Object.assign(merged, messages);
  }
  return merged;
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Private mode / disabled storage must not keep the app from starting.
    return DEFAULT_LANGUAGE;
  }
}

function applySideEffects(lng: Language) {
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

const initial = readStoredLanguage();

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: withFeatureTexts(zhCN, 'zh-CN') },
    en: { translation: withFeatureTexts(en, 'en') },
  },
  lng: initial,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // Keep "zh-CN" as is; otherwise i18next also tries the bare "zh" we do not ship.
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
applySideEffects(initial);

export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

export async function changeLanguage(lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // Not persisting is acceptable; the switch still applies for this session.
  }
  await i18n.changeLanguage(lng);
  applySideEffects(lng);
}

export default i18n;
