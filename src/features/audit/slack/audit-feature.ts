import type { KeyObject } from 'node:crypto';
import { Gauge, type Registry } from 'prom-client';
import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import { slackJob } from '../../../adapters/slack/slack-job.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { headMoved, signHead, type CheckpointPorts } from '../app/checkpointer.js';
import { CHECKPOINT_JOB_KINDS, nextSlot, postPayload, signJob, signPayload } from '../app/checkpoint-schedule.js';
import { checkpointLine, type Checkpoint } from '../domain/checkpoint.js';
import { auditRepo } from '../store/audit-repo.js';
import { checkpointFile } from '../store/checkpoint-file-store.js';

export interface AuditOptions {
  /** The signing key and the checkpoint file; null without WARDEN_AUDIT_KEY (checkpoints off, `/readyz` says so). */
  checkpoints: { key: KeyObject; path: string } | null;
  /** `channels.audit`: where each checkpoint that moved is posted too; null for none. */
  channel: string | null;
}

const ageSeconds = (cp: Checkpoint, now: Date) => Math.max(0, Math.round((now.getTime() - Date.parse(cp.at)) / 1000));

/**
 * Signed audit checkpoints: every full hour and on shutdown, appended to the checkpoint file and, when the
 * chain moved, posted to the audit channel. A damaged checkpoint file stops the start-up (it must be looked at).
 */
export function auditFeature(opts: AuditOptions): WardenFeature {
  return {
    name: 'audit',
    migrations: [],
    plug(core) {
      const setup = opts.checkpoints;
      if (!setup) return { readiness: { auditCheckpoint: () => 'off: WARDEN_AUDIT_KEY is not set' } };
      const { store, clock } = core.deps;
      const file = checkpointFile(setup.path);
      const audit = auditRepo(core.db);
      const ports: CheckpointPorts = { head: () => audit.head(), file };
      let last = file.last();
      const enqueue = (job: Parameters<typeof store.jobs.enqueue>[0]) => store.transaction(() => store.jobs.enqueue(job, clock.now()));
      const signNow = () => {
        const moved = headMoved(ports, last);
        last = signHead(ports, setup.key, clock.now());
        const cp = last;
        if (moved && opts.channel) enqueue({ kind: CHECKPOINT_JOB_KINDS.post, dueAt: clock.now(), payload: { line: checkpointLine(cp), count: cp.count, at: cp.at, key: cp.key }, idemKey: `${CHECKPOINT_JOB_KINDS.post}@${cp.sig}` });
      };
      enqueue(signJob(nextSlot(clock.now())));
      return {
        jobs: [
          // The next slot is queued before signing, so a failing sign (a full disk) never ends the series.
          defineJob({
            kind: CHECKPOINT_JOB_KINDS.sign,
            payload: signPayload,
            run: () => {
              enqueue(signJob(nextSlot(clock.now())));
              signNow();
            },
          }),
          slackJob(core.slack, CHECKPOINT_JOB_KINDS.post, postPayload, async (p) => {
            if (!opts.channel) return;
            const text = `:lock: Audit checkpoint: *${p.count.toLocaleString('en-US')}* entries, signed at ${p.at} by key \`${p.key}\`. Keep this message: with it an auditor can prove the log was neither cut off nor rewritten.\n\`\`\`${p.line}\`\`\``;
            await core.slack.call((c) => c.chat.postMessage({ channel: opts.channel!, text }));
          }),
        ],
        readiness: { auditCheckpoint: () => (last ? { at: last.at, ageSeconds: ageSeconds(last, clock.now()), entries: last.count } : 'none yet') },
        metrics: (registry: Registry) => registerCheckpointAge(registry, () => (last ? ageSeconds(last, clock.now()) : null)),
        stop: () => {
          if (headMoved(ports, last)) signNow();
        },
      };
    },
  };
}

function registerCheckpointAge(registry: Registry, age: () => number | null): void {
  new Gauge({
    name: 'warden_audit_checkpoint_age_seconds',
    help: 'Seconds since the last signed audit checkpoint (absent until the first one).',
    registers: [registry],
    collect() {
      const value = age();
      if (value === null) this.reset();
      else this.set(value);
    },
  });
}
