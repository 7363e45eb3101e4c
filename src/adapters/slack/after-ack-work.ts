/**
 * The work handlers run after their ack (opening a modal, a lookup, a reply through the response_url). It is
 * tracked so a test, the demo or a shutdown can wait until none is left.
 */
export function createAfterAckWork() {
  const pending = new Set<Promise<void>>();
  return {
    /** Tracks `work` until it settles; returns it, so the handler can await it too. */
    track(work: Promise<void>): Promise<void> {
      pending.add(work);
      return work.finally(() => pending.delete(work));
    },
    /** Resolves when no tracked work is left (work started meanwhile included). */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

export type AfterAckWork = ReturnType<typeof createAfterAckWork>;
