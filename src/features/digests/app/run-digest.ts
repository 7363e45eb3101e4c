import { z } from 'zod';
import type { Clock } from '../../../platform/clock.js';
import type { IncidentStore } from '../../incidents/index.js';
import type { DigestSection } from '../domain/digest-sections.js';
import { decideRun, digestKey, nextRunAfter, type ScheduledDigest } from '../domain/schedule.js';
import type { DigestRunRecords } from '../domain/digest-run.js';

/** One configured digest: where, when (cron in the zone) and what. */
export interface DigestSchedule extends ScheduledDigest {
  sections: readonly DigestSection[];
}

/**
 * The digests' durable jobs. `run` is one scheduled instant of one digest (idempotency key: the digest's
 * identity and the instant, so a restart re-queues nothing twice); it records the run and queues `post` and the
 * next `run` in one transaction. `post` is the Slack call, once per recorded run.
 */
export const DIGEST_JOB_KINDS = { run: 'digest.run', post: 'digest.post' } as const;

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO instant');
export const runPayload = z.object({ key: z.string(), runAt: instant });
export const postPayload = z.object({ key: z.string(), runAt: instant, lateMs: z.number().int().nonnegative() });
export type RunPayload = z.infer<typeof runPayload>;

export interface DigestRunDeps {
  store: Pick<IncidentStore, 'jobs' | 'audit' | 'transaction'>;
  clock: Clock;
  runs: DigestRunRecords;
  digests: readonly DigestSchedule[];
}

export const findDigest = (deps: Pick<DigestRunDeps, 'digests'>, key: string): DigestSchedule | null => deps.digests.find((d) => digestKey(d) === key) ?? null;

function queueRun(deps: DigestRunDeps, d: ScheduledDigest, after: Date): void {
  const at = nextRunAfter(d, after);
  if (!at) return;
  const key = digestKey(d);
  const runAt = at.toISOString();
  deps.store.jobs.enqueue({ kind: DIGEST_JOB_KINDS.run, dueAt: at, payload: { key, runAt }, idemKey: `${DIGEST_JOB_KINDS.run}:${key}@${runAt}` }, deps.clock.now());
}

/**
 * At start-up: each configured digest's next run after its last recorded one (or after now, for a new digest).
 * The run a restart finds still pending has the same key and is not queued again; one missed while Warden was
 * down falls due at once and `runDigest` decides whether it is still worth posting.
 */
export function scheduleDigests(deps: DigestRunDeps): void {
  deps.store.transaction(() => {
    for (const d of deps.digests) queueRun(deps, d, deps.runs.lastOf(digestKey(d))?.runAt ?? deps.clock.now());
  });
}

/**
 * A run falls due: a digest no longer configured does nothing (its schedule was removed or changed); a run
 * already recorded does nothing (a retry); a run more than the grace late is skipped, recorded and audited, and
 * the next digest names it; otherwise it is recorded and its post queued. The next run is queued either way.
 */
export function runDigest(deps: DigestRunDeps, p: RunPayload): void {
  const d = findDigest(deps, p.key);
  if (!d) return;
  const now = deps.clock.now();
  const decision = decideRun(d, new Date(p.runAt), now);
  deps.store.transaction(() => {
    for (const s of decision.skipped) {
      if (!deps.runs.record(p.key, s, 'skipped', now.getTime() - s.getTime(), now)) continue;
      deps.store.audit.append({ at: now.toISOString(), actor: 'warden', action: 'digest.skipped', incidentId: null, details: { digest: p.key, runAt: s.toISOString(), lateMs: now.getTime() - s.getTime() } });
    }
    if (decision.post && deps.runs.record(p.key, decision.runAt, 'queued', decision.lateMs, now)) {
      const runAt = decision.runAt.toISOString();
      deps.store.jobs.enqueue({ kind: DIGEST_JOB_KINDS.post, dueAt: now, payload: { key: p.key, runAt, lateMs: decision.lateMs }, idemKey: `${DIGEST_JOB_KINDS.post}:${p.key}@${runAt}` }, now);
    }
    queueRun(deps, d, now);
  });
}
