import { describe, expect, it } from 'vitest';
import { formatFen, yuanToFen } from './money';

describe('money in fen', () => {
  it('shows fen as yuan with two decimals and grouping', () => {
    expect(formatFen(120_000_000, 'zh-CN')).toBe('¥1,200,000.00');
    expect(formatFen(8_400_001, 'en')).toBe('¥84,000.01');
    expect(formatFen(5, 'en')).toBe('¥0.05');
    expect(formatFen(-250, 'en')).toBe('-¥2.50');
    expect(formatFen(null, 'en')).toBe('—');
  });

  it('turns typed yuan into exact fen and refuses anything else', () => {
    expect(yuanToFen('1200000')).toBe(120_000_000);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('84000.01')).toBe(8_400_001);
    expect(yuanToFen('-5')).toBe(-500);
    expect(yuanToFen('1.234')).toBeUndefined();
    expect(yuanToFen('abc')).toBeUndefined();
    expect(yuanToFen('')).toBeUndefined();
  });
});
