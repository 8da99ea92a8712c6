import { describe, expect, it } from 'vitest';
import { changeLanguage } from '@/lib/i18n';
import { localizedValidationModule, translateFormJsMessage } from './formJsMessages';

describe('form-js message localization', () => {
  it('translates the validator messages form-js produces', () => {
    expect(translateFormJsMessage('Field is required.')).toBe('此项为必填');
    expect(translateFormJsMessage('Field must have minimum length of 5.')).toBe('至少需要 5 个字符');
    expect(translateFormJsMessage('Value is expected to have at most 2 decimal digits.')).toBe('最多保留 2 位小数');
    expect(translateFormJsMessage('Field must be a valid  international phone number. (e.g. +4930664040900)')).toContain('电话');
  });

  it('follows the UI language and keeps unknown texts', async () => {
    await changeLanguage('en');
    expect(translateFormJsMessage('Field is required.')).toBe('This field is required');
    expect(translateFormJsMessage('请填写门牌号')).toBe('请填写门牌号');
  });

  it('wraps the validator service that form-js injects', () => {
    const validator = {
      validateFieldInstance: (_field: unknown, value: unknown) => (value ? [] : ['Field is required.']),
    };
    const [, Localize] = localizedValidationModule.gfLocalizeValidation as [string, (v: typeof validator) => void];
    Localize(validator);
    expect(validator.validateFieldInstance({}, '')).toEqual(['此项为必填']);
    expect(validator.validateFieldInstance({}, 'x')).toEqual([]);
  });
});
