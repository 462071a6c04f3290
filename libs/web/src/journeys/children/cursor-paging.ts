import type { Request } from 'express';

/** A cursor as the API writes them (base64url), or nothing: anything else in an address is ignored. */
const CURSOR = /^[A-Za-z0-9_-]{1,500}$/;
const MAX_TRAIL = 200;

/**
 * Where a list stands when it is paged forwards with the API's cursors: `after` starts this page
 * (none on the first), `trail` holds the cursors that started the pages between the first and this
 * one, so that "Previous" can go back without the API paging backwards. Both travel in the address,
 * so every page is a plain link that works without JavaScript and can be bookmarked.
 */
export interface CursorPage {
  after?: string;
  trail: string[];
}

/** A query-string value as one string ('' when absent or repeated oddly). */
export function queryValue(query: Request['query'], name: string): string {
  const value = query[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function cursorPageOf(query: Request['query']): CursorPage {
  const after = queryValue(query, 'after');
  if (!CURSOR.test(after)) return { trail: [] };
  const trail = queryValue(query, 'trail').split('.').filter(Boolean);
  if (trail.length > MAX_TRAIL || !trail.every((cursor) => CURSOR.test(cursor))) return { after, trail: [] };
  return { after, trail };
}

/** 1 for the first page. */
export function pageNumber(page: CursorPage): number {
  return page.after ? page.trail.length + 2 : 1;
}

/**
 * govukPagination's previous and next links for a page of `size` out of `total`, keeping the
 * address's other parameters (`params`: the search and filters).
 */
export function paginationLinks(
  path: string,
  params: URLSearchParams,
  page: CursorPage,
  next: { hasNextPage: boolean; endCursor: string | null },
  size: number,
  total: number,
): { previous?: { href: string; labelText: string }; next?: { href: string; labelText: string } } {
  const pages = Math.max(1, Math.ceil(total / size));
  const number = pageNumber(page);
  const href = (after: string | undefined, trail: string[]) => {
    const query = new URLSearchParams(params);
    if (after) query.set('after', after);
    if (trail.length) query.set('trail', trail.join('.'));
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  const links: ReturnType<typeof paginationLinks> = {};
  if (page.after) {
    links.previous = {
      href: href(page.trail.at(-1), page.trail.slice(0, -1)),
      labelText: `${number - 1} of ${pages}`,
    };
  }
  if (next.hasNextPage && next.endCursor) {
    links.next = {
      href: href(next.endCursor, page.after ? [...page.trail, page.after] : []),
      labelText: `${number + 1} of ${pages}`,
    };
  }
  return links;
}
