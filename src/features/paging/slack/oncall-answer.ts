import { WardenError } from '../../../platform/errors.js';
import { escapeMrkdwn, slackDate } from '../../../adapters/slack/escape.js';
import { reply, type Reply } from '../../../adapters/slack/commands/registry.js';
import type { WebClient } from '../../../adapters/slack/gateway.js';
import type { PagingDeps } from '../app/deps.js';
import { isPagerDutyError, type OnCallEntry } from '../app/ports.js';

/** Who is on call for a service now and next, each named as a Slack user where their email finds one. */
export async function onCallAnswer(deps: PagingDeps, slack: WebClient, name: string): Promise<Reply> {
  const service = deps.paging.services[name];
  if (!service) throw new WardenError('bad_input', `No PagerDuty service \`${escapeMrkdwn(name.slice(0, 40))}\`. Configured: ${Object.keys(deps.paging.services).join(', ')}.`);
  if (!deps.pagerDuty || !service.serviceId) throw new WardenError('bad_input', `\`/incident oncall ${escapeMrkdwn(name)}\` needs PAGERDUTY_TOKEN and the service's REST id (warden.yaml \`paging.${name === 'default' ? 'defaultServiceId' : `services.${name}.serviceId`}\`).`);
  try {
    const now = await deps.pagerDuty.onCall(service.serviceId);
    const ends = now.map((e) => e.end).filter((e): e is string => e !== null).sort()[0];
    const next = ends ? await deps.pagerDuty.onCall(service.serviceId, new Date(new Date(ends).getTime() + 1000)) : [];
    const lines = async (entries: OnCallEntry[]) => (await Promise.all(entries.map((e) => line(slack, e)))).join('\n') || '• nobody';
    return reply(`*On call for ${escapeMrkdwn(name)}*\n*Now*\n${await lines(now)}\n*Next*${ends ? ` (from ${slackDate(new Date(ends))})` : ''}\n${await lines(next)}`);
  } catch (error) {
    if (isPagerDutyError(error)) throw new WardenError('upstream_failed', `PagerDuty did not answer (${error.failure.kind}). Try again in a minute, or open PagerDuty directly.`);
    throw error;
  }
}

async function line(slack: WebClient, e: OnCallEntry): Promise<string> {
  const who = (await slackUserByEmail(slack, e.userEmail)) ?? escapeMrkdwn(e.userName);
  const until = e.end ? ` until ${slackDate(new Date(e.end))}` : '';
  return `• level ${e.escalationLevel}: ${who}${e.scheduleName ? ` (${escapeMrkdwn(e.scheduleName)})` : ''}${until}`;
}

/** `<@U…>` for the Slack account with this email, or null (no email, no such account, or Slack refused). */
async function slackUserByEmail(slack: WebClient, email: string | null): Promise<string | null> {
  if (!email) return null;
  const found = await slack.users.lookupByEmail({ email }).catch(() => null);
  return found?.user?.id ? `<@${found.user.id}>` : null;
}
