import { cursorPageOf, pageNumber, paginationLinks } from './cursor-paging';
import { readChildSearch } from './child-search';

describe('cursor paging', () => {
  const params = new URLSearchParams({ search: 'pager' });
  const more = { hasNextPage: true, endCursor: 'c3' };

  it('goes forwards keeping the search, and back through the cursors it carried', () => {
    const first = cursorPageOf({ search: 'pager' });
    expect(pageNumber(first)).toBe(1);
    expect(
      paginationLinks('/children', params, first, { hasNextPage: true, endCursor: 'c1' }, 20, 70),
    ).toEqual({
      next: { href: '/children?search=pager&after=c1', labelText: '2 of 4' },
    });
    const third = cursorPageOf({ search: 'pager', after: 'c2', trail: 'c1' });
    expect(pageNumber(third)).toBe(3);
    expect(paginationLinks('/children', params, third, more, 20, 70)).toEqual({
      previous: { href: '/children?search=pager&after=c1', labelText: '2 of 4' },
      next: { href: '/children?search=pager&after=c3&trail=c1.c2', labelText: '4 of 4' },
    });
    const second = cursorPageOf({ after: 'c1' });
    expect(
      paginationLinks(
        '/children',
        new URLSearchParams(),
        second,
        { hasNextPage: false, endCursor: 'c2' },
        20,
        30,
      ),
    ).toEqual({
      previous: { href: '/children', labelText: '1 of 2' },
    });
  });

  it('ignores cursors that are not the API’s', () => {
    expect(cursorPageOf({ after: 'a b' })).toEqual({ trail: [] });
    expect(cursorPageOf({ after: 'c2', trail: 'c1.<x>' })).toEqual({ after: 'c2', trail: [] });
    expect(cursorPageOf({ after: ['c2', 'c3'] })).toEqual({ after: 'c2', trail: [] });
  });
});

describe('the search form', () => {
  it('maps each control to ChildFilter, leaving out values no control offers', () => {
    const { filter, problems, params } = readChildSearch({
      search: ' nguyen ',
      missingNow: 'yes',
      ageDisputed: 'no',
      turning18WithinDays: '90',
      category: 'TRAFFICKED',
      exploitationType: 'NOT_A_TYPE',
      status: 'OPEN',
      guardianId: 'not-an-id',
      allocatedWorkerId: '0b0e3f8e-6a3f-4a55-9a53-0a4a3c1d2e3f',
    });
    expect(problems).toEqual([]);
    expect(filter).toEqual({
      search: 'nguyen',
      missingNow: true,
      ageDisputed: false,
      turning18WithinDays: 90,
      category: 'TRAFFICKED',
      status: 'OPEN',
      allocatedWorkerId: '0b0e3f8e-6a3f-4a55-9a53-0a4a3c1d2e3f',
    });
    expect(params.get('search')).toBe('nguyen');
  });

  it('says what is wrong with a number of days or a search too long', () => {
    expect(readChildSearch({ turning18WithinDays: '-1' }).problems).toEqual([
      {
        id: 'turning18WithinDays',
        text: 'Enter the number of days as a whole number from 0 to 3660, like 90',
      },
    ]);
    expect(readChildSearch({ turning18WithinDays: '3661' }).problems).toHaveLength(1);
    expect(readChildSearch({ search: 'x'.repeat(101) }).problems).toEqual([
      { id: 'search', text: 'Search must be 100 characters or fewer' },
    ]);
  });
});
