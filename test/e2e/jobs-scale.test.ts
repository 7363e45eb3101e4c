import { afterEach, describe, expect, it } from 'vitest';
import { replyText, type Harness } from '../support/warden-harness.js';
import { startFullHarness } from '../support/full-harness.js';

const DAY = 86_400_000;
let h: Harness;
afterEach(async () => h?.stop());

const countWhere = (sql: string, ...args: unknown[]) => h.db.prepare(`SELECT count(*) FROM jobs WHERE ${sql}`).pluck().get(...args) as number;

/** Declares an incident and returns its id and channel, after the work its declare queued. */
async function declared(title: string) {
  await h.incident(`declare sev2 ${title}`);
  await h.settle();
  const channel = h.incidentChannel();
  return { id: h.warden.store.incidents.byChannel(channel)!.id, channel };
}

/** `n` update reminders due now for `incidentId`, stored as a backlog the runner has not woken for. */
function backlogOfReminders(incidentId: string, n: number) {
  const at = h.clock.now().toISOString();
  const insert = h.db.prepare("INSERT INTO jobs (kind, due_at, payload, idem_key, incident_id, created_at) VALUES ('incident.update_reminder', ?, ?, ?, ?, ?)");
  h.db.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(at, JSON.stringify({ incidentId }), `backlog:${incidentId}:${i}`, incidentId, at);
  })();
}

describe('the job runner and the HTTP server', () => {
  it('when a 2,000-reminder backlog drains, then /incident help is acked and /healthz answers before it has drained', async () => {
    h = await startFullHarness();
    const { id, channel } = await declared('Backlog');
    await h.incident('resolve', { channel });
    await h.settle();
    backlogOfReminders(id, 2_000);
    const backlog = () => countWhere("kind = 'incident.update_reminder' AND idem_key LIKE 'backlog:%' AND status = 'pending'");

    const draining = h.warden.runner.runDue();
    const help = await h.incident('help');
    const leftAtAck = backlog();
    const health = await fetch(`${h.url}/healthz`);
    const leftAtHealth = backlog();
    await draining;

    expect(replyText(help.body)).toContain('/incident declare');
    expect(health.status).toBe(200);
    expect(leftAtAck).toBeGreaterThan(0);
    expect(leftAtHealth).toBeGreaterThan(0);
    expect(backlog()).toBe(0);
    expect(countWhere("idem_key LIKE 'backlog:%' AND status = 'done'")).toBe(2_000);
  });

  it('when Warden stops while a backlog drains, then the pass ends early and the rest runs after the restart', async () => {
    h = await startFullHarness();
    const { id, channel } = await declared('Stop mid-backlog');
    await h.incident('resolve', { channel });
    await h.settle();
    backlogOfReminders(id, 500);
    const pending = () => countWhere("idem_key LIKE 'backlog:%' AND status = 'pending'");
    void h.warden.runner.runDue();
    await h.restart();
    expect(pending()).toBeGreaterThan(0);
    await h.settle();
    expect(pending()).toBe(0);
  });
});

describe('/readyz and /metrics at scale', () => {
  it('report the pending and failed job counts kept as jobs change, equal to counting the table', async () => {
    h = await startFullHarness();
    const { channel } = await declared('Counts');
    h.slack.failNext('chat.postMessage', 'channel_not_found', 1);
    await h.incident('note refused', { channel });
    await h.incident('note delivered', { channel });
    await h.settle();
    const pending = countWhere("status = 'pending'");
    const failed = countWhere("status = 'failed'");
    expect(failed).toBe(1);
    const ready = (await (await fetch(`${h.url}/readyz`)).json()) as { checks: { jobs: unknown; database: string } };
    expect(ready.checks).toMatchObject({ database: 'ok', jobs: { pending, failed } });
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toContain(`warden_jobs_pending ${pending}`);
    expect(metrics).toContain('warden_jobs_failed 1');
  });
});

describe('finished jobs are pruned after jobs.retention', () => {
  it('when 30 days pass, then done jobs are pruned, failed and pending ones kept, and a pruned key still queues nothing twice', async () => {
    h = await startFullHarness();
    const { id, channel } = await declared('Old work');
    h.slack.failNext('chat.postMessage', 'channel_not_found', 1);
    await h.incident('note refused', { channel });
    await h.incident('note delivered', { channel });
    await h.settle();
    const doneIds = h.db.prepare("SELECT id FROM jobs WHERE status = 'done'").pluck().all() as number[];
    expect(doneIds.length).toBeGreaterThanOrEqual(3);
    expect(countWhere('idem_key = ?', `provision:${id}`)).toBe(1);

    await h.advance(29 * DAY);
    expect(countWhere('idem_key = ?', `provision:${id}`)).toBe(1);

    await h.advance(2 * DAY);
    const cutoff = new Date(h.clock.now().getTime() - 30 * DAY).toISOString();
    expect(countWhere("status IN ('done', 'cancelled') AND finished_at < ?", cutoff)).toBe(0);
    expect(countWhere('id IN (SELECT value FROM json_each(?))', JSON.stringify(doneIds))).toBe(0);
    expect(countWhere("status = 'failed'")).toBe(1);
    expect(h.warden.store.jobs.failedCount()).toBe(1);
    expect(h.warden.store.jobs.pendingCount()).toBe(countWhere("status = 'pending'"));
    expect(countWhere('idem_key = ?', `provision:${id}`)).toBe(0);
    const again = h.warden.store.jobs.enqueue({ kind: 'incident.provision', dueAt: h.clock.now(), payload: { incidentId: id }, idemKey: `provision:${id}`, incidentId: id }, h.clock.now());
    expect(again).toBeNull();
    // The incident's own record is untouched: the timeline and the audit chain keep what the jobs did.
    expect(h.warden.store.timeline.list(id).map((e) => e.kind)).toEqual(expect.arrayContaining(['declared', 'note']));
  });

  it('when warden.yaml sets jobs.retention to 7d, then a week-old done job is pruned', async () => {
    h = await startFullHarness({ jobs: { retention: '7d' } });
    const { id } = await declared('Short retention');
    await h.advance(6 * DAY);
    expect(countWhere('idem_key = ?', `provision:${id}`)).toBe(1);
    await h.advance(2 * DAY);
    expect(countWhere('idem_key = ?', `provision:${id}`)).toBe(0);
  });
});
