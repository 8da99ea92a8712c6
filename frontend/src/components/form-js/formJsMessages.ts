import i18n from '@/lib/i18n';

/**
 * form-js (1.x) validates in English only and offers no translation hook. Its messages are a
 * small fixed set, so they are mapped here onto our locale files; unknown messages (e.g. a
 * form's own patternErrorMessage) pass through unchanged.
 */
const PATTERNS: { re: RegExp; key: string; arg?: 'n' }[] = [
  { re: /^Field is required\.$/, key: 'formjs.required' },
  { re: /^Field must have minimum length of (.+)\.$/, key: 'formjs.minLength', arg: 'n' },
  { re: /^Field must have maximum length of (.+)\.$/, key: 'formjs.maxLength', arg: 'n' },
  { re: /^Field must have minimum value of (.+)\.$/, key: 'formjs.min', arg: 'n' },
  { re: /^Field must have maximum value of (.+)\.$/, key: 'formjs.max', arg: 'n' },
  { re: /^Value is not a number\.$/, key: 'formjs.notANumber' },
  { re: /^Value is expected to be an integer\.$/, key: 'formjs.integer' },
  { re: /^Value is expected to have at most (\d+) decimal digits?\.$/, key: 'formjs.decimals', arg: 'n' },
  { re: /^Field must be a valid email\.$/, key: 'formjs.email' },
  { re: /^Field must be a valid\s+international phone number\./, key: 'formjs.phone' },
  { re: /^Field must match pattern .+\.$/, key: 'formjs.pattern' },
];

export function translateFormJsMessage(message: string): string {
  for (const { re, key, arg } of PATTERNS) {
    const m = re.exec(message);
    if (m) return i18n.t(key, arg ? { n: m[1] } : undefined);
  }
  return message;
}

interface ValidatorService {
  validateField?: (...args: unknown[]) => string[];
  validateFieldInstance?: (...args: unknown[]) => string[];
}

function LocalizeValidation(validator: ValidatorService) {
  for (const name of ['validateField', 'validateFieldInstance'] as const) {
    const original = validator[name];
    if (typeof original !== 'function') continue;
    validator[name] = (...args: unknown[]) => original.apply(validator, args).map(translateFormJsMessage);
  }
}
LocalizeValidation.$inject = ['validator'];

/** A form-js module (passed as additionalModules) that localizes the validator's messages. */
export const localizedValidationModule = {
  __init__: ['gfLocalizeValidation'],
  gfLocalizeValidation: ['type', LocalizeValidation],
};
