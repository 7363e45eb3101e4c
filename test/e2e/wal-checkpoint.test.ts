import { afterEach, expect, it } from 'vitest';
import { startFullHarness } from '../support/full-harness.js';
import type { Harness } from '../support/warden-harness.js';

let h: Harness;
afterEach(async () => {
  await h.stop();
});

type Ready = { checks: { walCheckpoint: { by: string; last: { log: number; checkpointed: number } | null } } };
const readyz = async () => ((await (await fetch(`${h.url}/readyz`)).json()) as Ready).checks.walCheckpoint;

it('when Warden serves, then its write-ahead log is checkpointed by the worker thread, and /readyz says so', async () => {
  h = await startFullHarness();
  await h.settle();
  expect(h.db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
  // Caught up: every frame in the log at the worker's last checkpoint is in the database file.
  const caughtUp = async () => {
    const state = await readyz();
    return { by: state.by, caughtUp: state.last !== null && state.last.checkpointed === state.last.log };
  };
  await expect.poll(caughtUp, { timeout: 5_000, interval: 50 }).toEqual({ by: 'worker', caughtUp: true });
});
