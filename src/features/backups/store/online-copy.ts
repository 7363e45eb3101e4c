import type { Db } from '../../../platform/db/db.js';

/** Pages per step at first: 1,024 pages of 4 KiB is 4 MiB, a few milliseconds of copying between event-loop turns. */
export const FIRST_STEP_PAGES = 1024;

/**
 * SQLite's online backup of the live database into `dest`, a step of pages per event-loop turn, so requests
 * keep being answered while it runs. Writes through this same connection (Warden's own) are carried into the copy
 * as they happen. A write from another connection (another process) makes SQLite restart the copy at the next
 * step; each restart doubles the step, so the copy finishes even under a steady stream of writes (in the end in one
 * step, which holds only a read transaction: in WAL mode writers are not blocked).
 */
export async function onlineCopy(db: Db, dest: string, firstStepPages = FIRST_STEP_PAGES): Promise<{ pages: number; restarts: number }> {
  let step = firstStepPages;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  const done = await db.backup(dest, {
    progress: ({ remainingPages }) => {
      if (remainingPages >= lastRemaining) {
        restarts += 1;
        step *= 2;
      }
      lastRemaining = remainingPages;
      return step;
    },
  });
  return { pages: done.totalPages, restarts };
}
