import { WardenError } from '../../../platform/errors.js';
import { incidentInChannel } from '../../incidents/index.js';
import { escapeMrkdwn } from '../../../adapters/slack/escape.js';
import { afterAck, reply, type Verb } from '../../../adapters/slack/commands/registry.js';
import { requestPage } from '../app/request-page.js';
import type { PagingDeps } from '../app/deps.js';
import { DEFAULT_SERVICE } from '../domain/policy.js';
import { onCallAnswer } from './oncall-answer.js';

const MAX_MESSAGE = 500;

/** `/incident page [service] [message]` and `/incident oncall [service]`. */
export function pagingVerbs(deps: PagingDeps): Verb[] {
  const page: Verb = {
    name: 'page',
    help: { usage: 'page [service] [message]', summary: 'page the on-call of a PagerDuty service (once per service)', inChannel: true },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'page');
      const [first, ...rest] = ctx.args.split(/\s+/).filter(Boolean);
      const named = first !== undefined && Object.hasOwn(deps.paging.services, first);
      const service = named ? first : DEFAULT_SERVICE;
      const message = (named ? rest : [first, ...rest].filter(Boolean)).join(' ');
      if (message.length > MAX_MESSAGE) throw new WardenError('bad_input', `The message is ${message.length} characters; keep it under ${MAX_MESSAGE}.`);
      const outcome = requestPage(deps, { userId: ctx.userId }, incident.id, service, message);
      if (outcome.kind === 'drill') return reply(`:performing_arts: ${incident.id} is a drill: Warden would have paged *${escapeMrkdwn(service)}*; nobody was paged.`);
      if (outcome.kind === 'already') return reply(`*${escapeMrkdwn(service)}* is already paged for ${incident.id} (${outcome.page.status}). PagerDuty keeps one incident per page; nothing new was sent.`);
      return reply(`:pager: Paging *${escapeMrkdwn(service)}* for ${incident.id}. The channel is told when PagerDuty has it.`);
    },
  };
  const oncall: Verb = {
    name: 'oncall',
    help: { usage: 'oncall [service]', summary: 'who is on call now and next (PagerDuty)', inChannel: false },
    run(ctx) {
      const name = ctx.args.trim() || DEFAULT_SERVICE;
      return afterAck((slack) => onCallAnswer(deps, slack, name));
    },
  };
  return [page, oncall];
}
