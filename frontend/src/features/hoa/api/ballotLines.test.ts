import { describe, expect, it } from 'vitest';
import { formatArea, parseBallotLines } from './ballotLines';

describe('parseBallotLines', () => {
  it('reads unit, choice in Chinese or English, and the area in exact hundredths of a square metre', () => {
    const parsed = parseBallotLines('EST01-1-101, 同意, 89.50\nEST01-1-102，反对\n\nEST01-3-301\tabstain\t110.05\nEST01-1-103, yes, 0.1');
    expect(parsed.badLines).toEqual([]);
    expect(parsed.ballots).toEqual([
      { unitId: 'EST01-1-101', choice: 'YES', areaCenti: 8950 },
      { unitId: 'EST01-1-102', choice: 'NO' },
      { unitId: 'EST01-3-301', choice: 'ABSTAIN', areaCenti: 11005 },
      { unitId: 'EST01-1-103', choice: 'YES', areaCenti: 10 },
    ]);
  });

  it('keeps a negative area for the server to refuse, and flags lines it cannot read', () => {
    const parsed = parseBallotLines('EST01-1-101, 同意, -89.50\nEST01-1-102, 也许\nEST01-1-103, 同意, 12.345');
    expect(parsed.ballots).toEqual([{ unitId: 'EST01-1-101', choice: 'YES', areaCenti: -8950 }]);
    expect(parsed.badLines).toEqual([2, 3]);
  });
});

describe('formatArea', () => {
  it('formats 0.01 m² integers without floating point', () => {
    expect(formatArea(4_000_000)).toBe('40,000.00');
    expect(formatArea(2_666_667)).toBe('26,666.67');
    expect(formatArea(5)).toBe('0.05');
    expect(formatArea(null)).toBe('-');
  });
});
