/**
 * What the chaos run checks once the backlog has drained: reminders still waiting, posts and pages sent once,
 * and no backlog left due. Each returns what it found wrong, named so a failing seed can be followed.
 */
import Database from 'better-sqlite3';
import type { SlackStandIn } from '../support/stand-ins/slack/index.js';
import type { RecordedEvent } from '../support/stand-ins/pagerduty/types.js';

export function withDb<T>(dbPath: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * Reminders that a kill or a retry lost: every open incident must still have its commander's update reminder
 * waiting (the workload runs minutes, far fewer than the cap), whatever happened to the process in between.
 */
export function lostUpdateReminders(db: Database.Database): string[] {
  const rows = db.prepare<[], string>(`SELECT id FROM incidents i WHERE status <> 'closed' AND NOT EXISTS (
    SELECT 1 FROM jobs j WHERE j.incident_id = i.id AND j.kind = 'incident.update_reminder' AND j.status = 'pending')`).pluck().all();
  return rows.map((id) => `the update reminder of ${id}`);
}

/**
 * Legal clock reminders a kill lost: a GDPR incident whose awareness is recorded owes its supervisory authority
 * within 72 h, so until that stage is submitted (or decided not notifiable) a reminder of it must be waiting.
 */
export function lostClockReminders(db: Database.Database): string[] {
  const rows = db.prepare<[], string>(`SELECT r.incident_id FROM incident_regimes r
    JOIN clock_events e ON e.incident_id = r.incident_id AND e.event = 'became_aware'
    JOIN incidents i ON i.id = r.incident_id AND i.status <> 'closed'
    WHERE r.regime_id = 'gdpr'
      AND NOT EXISTS (SELECT 1 FROM stage_submissions s WHERE s.incident_id = r.incident_id AND s.regime_id = 'gdpr' AND s.stage_id = 'supervisory_authority')
      AND NOT EXISTS (SELECT 1 FROM stage_decisions d WHERE d.incident_id = r.incident_id AND d.regime_id = 'gdpr' AND d.stage_id = 'supervisory_authority')
      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.incident_id = r.incident_id AND j.kind = 'clocks.reminder' AND j.status = 'pending'
        AND json_extract(j.payload, '$.regimeId') = 'gdpr' AND json_extract(j.payload, '$.stageId') = 'supervisory_authority')`).pluck().all();
  return rows.map((id) => `the gdpr:supervisory_authority reminders of ${id}`);
}

/**
 * Pages triggered twice. A kill between PagerDuty taking a trigger and Warden recording it makes the restarted
 * Warden send it again: that repeat, with the same dedup key, is the one PagerDuty folds into the open alert
 * (sync-page.ts says so), so it is returned apart as `acrossKills`. Two triggers of one key with no kill between
 * them are a page sent twice. `killMarks` holds how many events the stand-in had recorded at each kill.
 */
export function repeatedPages(events: readonly Pick<RecordedEvent, 'action' | 'dedupKey'>[], killMarks: readonly number[]): { duplicated: string[]; acrossKills: string[] } {
  const last = new Map<string, number>();
  const duplicated: string[] = [];
  const acrossKills: string[] = [];
  events.forEach((e, i) => {
    if (e.action !== 'trigger') return;
    const before = last.get(e.dedupKey);
    last.set(e.dedupKey, i);
    if (before === undefined) return;
    const killed = killMarks.some((mark) => before < mark && mark <= i);
    (killed ? acrossKills : duplicated).push(`page ${e.dedupKey} triggered again (events ${before + 1} and ${i + 1})${killed ? ' after a kill' : ''}`);
  });
  return { duplicated, acrossKills };
}

/** Jobs waiting that are due within a minute (reminders days ahead are not a backlog). */
export function dueJobs(db: Database.Database): number {
  return db.prepare<[string], number>("SELECT count(*) FROM jobs WHERE status = 'pending' AND due_at <= ?").pluck().get(new Date(Date.now() + 60_000).toISOString()) ?? 0;
}

/** Posts sent twice: the same job's same post (its delivery metadata), or a second channel of one incident. */
export function duplicatePosts(slack: SlackStandIn, db: Database.Database): string[] {
  const found: string[] = [];
  const seen = new Map<string, number>();
  for (const channel of slack.channels()) {
    for (const m of slack.messages(channel.id)) {
      const payload = m.metadata?.event_type === 'warden_delivery' ? (m.metadata.event_payload as { job?: number; n?: number }) : undefined;
      if (payload?.job !== undefined) {
        const key = `job ${payload.job} post ${payload.n} in ${channel.name || channel.id}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, n] of seen) if (n > 1) found.push(`${key} (${n} times)`);
  return [...found, ...secondChannels(slack, db)];
}

/** A second channel of one incident: Slack has `name` and `name-2` (or the number) while the incident holds one of them. */
function secondChannels(slack: SlackStandIn, db: Database.Database): string[] {
  const held = db.prepare<[], { id: string; name: string | null }>('SELECT id, channel_name AS name FROM incidents').all();
  const names = new Set(held.map((i) => i.name));
  const found: string[] = [];
  for (const c of slack.channels()) {
    if (!c.name.startsWith('inc-') || names.has(c.name)) continue;
    const owner = held.find((i) => i.name !== null && (i.name.startsWith(`${c.name}-`) || c.name.startsWith(`${i.name}-`)));
    found.push(owner ? `channel #${c.name} made besides ${owner.id}'s #${owner.name}` : `channel #${c.name} made for no incident that holds it (set-up still pending?)`);
  }
  return found;
}
