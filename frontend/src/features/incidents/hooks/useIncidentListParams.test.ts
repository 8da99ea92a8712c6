import { describe, expect, it } from 'vitest';
import { applyIncidentPatch, parseIncidentParams } from './useIncidentListParams';

describe('incident list state in the URL', () => {
  it('reads filters, paging and sort and ignores junk', () => {
    const params = parseIncidentParams(new URLSearchParams('category=FOOD&gridId=G0101&page=2&size=999&sort=bogus&order=asc'));
    expect(params).toEqual({ category: 'FOOD', gridId: 'G0101', page: 2, size: 200, sort: undefined, order: 'asc' });
    expect(parseIncidentParams(new URLSearchParams('page=-3'))).toMatchObject({ page: 0, size: 20 });
  });

  it('restarts paging when the filter changes and keeps the page when paging', () => {
    const prev = new URLSearchParams('status=ACTIVE&page=3');
    expect(applyIncidentPatch(prev, { category: 'FOOD' }).toString()).toBe('status=ACTIVE&category=FOOD');
    expect(applyIncidentPatch(prev, { page: 4 }).get('page')).toBe('4');
    expect(applyIncidentPatch(prev, { status: undefined }).has('status')).toBe(false);
  });

  it('drops the grid when another community is chosen', () => {
    const prev = new URLSearchParams('communityId=C01&gridId=G0101');
    expect(applyIncidentPatch(prev, { communityId: 'C02' }).toString()).toBe('communityId=C02');
    expect(applyIncidentPatch(prev, { gridId: 'G0102' }).toString()).toBe('communityId=C01&gridId=G0102');
  });
});
