/**
 * Bench 6: a reminder tick with 100,000 open findings and nothing due vs the same with 10,000. Each finding is a
 * row with its one pending reminder job (due in a week), inserted directly. The tick is what the job runner does
 * when it wakes: read the due jobs (`jobs.due(now)`, an index on pending jobs by due time) and run them (none).
 * Its cost must follow what is due, not what is stored: the ratio should stay near 1.
 */
import { join } from 'node:path';
import { ALL_MIGRATIONS } from '../src/compose-features.js';
import { migrate, openDb } from '../src/platform/db/db.js';
import { jobRepo } from '../src/platform/jobs/job-repo.js';

const NOW = new Date('2026-11-25T09:00:00Z');
const TICKS = 2_000;

function seeded(path: string, n: number) {
  const db = openDb(path);
  migrate(db, ALL_MIGRATIONS);
  const finding = db.prepare(`INSERT INTO patch_findings (id, advisory, package, asset, identity_key, severity, owner, description, discovered_at, due_at, status, plan_since, created_by, created_at)
    VALUES (@id, @id, 'pkg', 'asset', @id, 'high', 'UBENCH', 'bench', @at, @due, 'open', @at, 'UBENCH', @at)`);
  const job = db.prepare("INSERT INTO jobs (kind, due_at, payload, idem_key, created_at) VALUES ('patch.remind', ?, ?, ?, ?)");
  const at = NOW.toISOString();
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = `P-B${i}`;
      // Reminders spread over the week after now: none due at `now`.
      const due = new Date(NOW.getTime() + 86_400_000 + (i % 10_000) * 60_000).toISOString();
      finding.run({ id, at, due });
      job.run(due, JSON.stringify({ id, n: 0, since: at }), `patch-remind:${id}:0:${at}`, at);
    }
  })();
  return db;
}

export async function benchPatchTick(dir: string, timeIt: (fn: () => unknown) => Promise<number> | number, ms: (x: number) => string, ratio: (a: number, b: number) => string): Promise<string[][]> {
  const big = seeded(join(dir, 'patch-100k.db'), 100_000);
  const small = seeded(join(dir, 'patch-10k.db'), 10_000);
  try {
    const tick = (jobs: ReturnType<typeof jobRepo>) => () => {
      for (let i = 0; i < TICKS; i++) if (jobs.due(NOW).length !== 0) throw new Error('a job was due');
    };
    const [bigTick, smallTick] = [tick(jobRepo(big)), tick(jobRepo(small))];
    bigTick();
    smallTick();
    const bigMs = await timeIt(bigTick);
    const smallMs = await timeIt(smallTick);
    return [[`${TICKS} reminder ticks, 100,000 open findings vs 10,000 (nothing due)`, ms(bigMs), ms(smallMs), ratio(bigMs, smallMs)]];
  } finally {
    big.close();
    small.close();
  }
}
