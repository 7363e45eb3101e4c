import { channelLink, escapeMrkdwn, mention, slackDate, truncate } from '../../../adapters/slack/escape.js';
import type { Incident } from '../../incidents/index.js';
import type { ReviewMessage } from '../app/deps.js';
import type { Review } from '../domain/review.js';
import type { ReviewPolicy } from '../domain/review-policy.js';

const DAY = 86_400_000;

/** How the company's working days are counted, said with every due date so nothing about it is silent. */
export function calendarText(policy: Pick<ReviewPolicy, 'calendar'>): string {
  const { zone, holidays } = policy.calendar;
  return holidays ? `business days: Mon–Fri without ${holidays} public holidays, ${zone}` : `business days: Mon–Fri, ${zone}; no holiday calendar configured (company.holidays)`;
}

const where = (incident: Incident): string => (incident.channelId ? channelLink(incident.channelId) : incident.id);
const drillNote = (r: Review): string => (r.drill ? ' :performing_arts: This was a drill: the review is of the exercise.' : '');

function overdueText(review: Review, now: Date): string {
  const days = Math.floor((now.getTime() - review.dueAt.getTime()) / DAY);
  return days >= 1 ? `${days} day${days === 1 ? '' : 's'}` : 'less than a day';
}

/** The line that says what the review is and where it stands (`/incident pir`, App Home, messages). */
export function reviewStateLine(review: Review, now: Date): string {
  const due = slackDate(review.dueAt);
  const meeting = review.meetingAt ? ` · meeting ${slackDate(review.meetingAt)}` : '';
  switch (review.status) {
    case 'done':
      return `:white_check_mark: done ${review.decidedAt ? slackDate(review.decidedAt) : ''} by ${mention(review.decidedBy ?? review.owner)}: ${escapeMrkdwn(review.link ?? '')}${review.decidedAt && review.decidedAt > review.dueAt ? ' (late)' : ''}`;
    case 'waived':
      return `:heavy_minus_sign: waived by ${mention(review.decidedBy ?? '')}: ${escapeMrkdwn(review.waiveReason ?? '')}`;
    case 'paused':
      return `:double_vertical_bar: paused while the incident is reopened · owner ${mention(review.owner)}`;
    case 'scheduled':
      return `${now > review.dueAt ? `:warning: *overdue* by ${overdueText(review, now)} (was due ${due})` : `due ${due}`} · owner ${mention(review.owner)}${meeting}`;
  }
}

/** The text of one review message, from the review as it is now. */
export function reviewMessageText(m: ReviewMessage, review: Review, incident: Incident, policy: ReviewPolicy, now: Date): string {
  const id = `*${incident.id}*`;
  const due = slackDate(review.dueAt);
  const by = m.by ? mention(m.by) : 'Warden';
  switch (m.event) {
    case 'scheduled':
      return `:memo: *Post-incident review* of ${id}: due ${due} (${calendarText(policy)}), owned by ${mention(review.owner)}.${drillNote(review)}\n\`/incident pir\` shows it · \`/incident pir schedule &lt;date&gt;\` sets the meeting · \`/incident pir draft\` posts a skeleton · \`/incident pir done &lt;link&gt;\` when it is written.`;
    case 'resumed':
      return `:memo: ${id} resolved again: its review is due ${due} (${calendarText(policy)}), owned by ${mention(review.owner)}.`;
    case 'paused':
      return `:double_vertical_bar: ${id} was reopened: its post-incident review is paused until it resolves again.`;
    case 'meeting':
      return `:calendar: ${by} set the review meeting of ${id} for ${review.meetingAt ? slackDate(review.meetingAt) : '(none)'}.${review.meetingAt && review.meetingAt > review.dueAt ? ` :warning: That is after the review's due date (${due}).` : ''}`;
    case 'owner_changed':
      return `:memo: ${by} handed the review of ${id} to ${mention(review.owner)} (due ${due}).`;
    case 'done':
      return `:white_check_mark: ${by} recorded the review of ${id} as done: ${escapeMrkdwn(review.link ?? '')}${review.decidedAt && review.decidedAt > review.dueAt ? ` (late: it was due ${due})` : ''}.`;
    case 'waived':
      return `:heavy_minus_sign: ${by} waived the review of ${id}: ${escapeMrkdwn(review.waiveReason ?? '')}`;
    case 'reminder':
      return reminderText(m, review, incident, now);
    case 'escalation':
      return escalationText(review, incident, now);
  }
}

function reminderText(m: ReviewMessage, review: Review, incident: Incident, now: Date): string {
  const r = m.reminder;
  const head = r?.kind === 'overdue' ? `:warning: The post-incident review of *${incident.id}* is *overdue* by ${overdueText(review, now)} (it was due ${slackDate(review.dueAt)}).` : `:memo: The post-incident review of *${incident.id}* you own is due ${slackDate(review.dueAt)}.`;
  return `${head}\nWrite it up, then \`/incident pir done &lt;link&gt;\` in ${where(incident)}. Someone else should own it? \`/incident pir owner @person\`.`;
}

function escalationText(review: Review, incident: Incident, now: Date): string {
  const title = incident.private ? 'a private incident' : `“${escapeMrkdwn(truncate(incident.title, 120))}”`;
  return `:rotating_light: The post-incident review of *${incident.id}* (${escapeMrkdwn(incident.severity)}, ${title}) is overdue by ${overdueText(review, now)}: it was due ${slackDate(review.dueAt)}, owner ${mention(review.owner)}.`;
}
