import { WardenError } from '../../../platform/errors.js';

/** Entries per page of `/incident timeline`: small enough that a page of long entries fits one Slack message. */
export const TIMELINE_PAGE_SIZE = 25;

/** One page of a timeline, numbered from the oldest (page 1) so a page number keeps its entries as the timeline grows. */
export interface TimelinePage {
  page: number;
  pages: number;
  total: number;
  /** Index of the page's first entry in the timeline, oldest first. */
  offset: number;
  limit: number;
}

/**
 * Which entries page `requested` holds, or the last page (the most recent entries) when none is asked for.
 * An empty timeline has one, empty, page. Pure.
 * @throws WardenError('bad_input') for a page that does not exist, naming the pages that do.
 */
export function timelinePage(total: number, requested: number | 'last', size = TIMELINE_PAGE_SIZE): TimelinePage {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = requested === 'last' ? pages : requested;
  if (!Number.isSafeInteger(page) || page < 1 || page > pages) {
    const span = pages === 1 ? 'has 1 page' : `has ${pages} pages (1 is the oldest, ${pages} the newest)`;
    throw new WardenError('bad_input', `There is no page ${String(page)}: this timeline ${span}. Usage: \`/incident timeline [page N]\``);
  }
  return { page, pages, total, offset: (page - 1) * size, limit: size };
}
