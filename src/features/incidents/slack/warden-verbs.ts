import { reply, type Verb } from '../../../adapters/slack/commands/registry.js';

/** `/warden whoami`: the person's Slack id, their Warden-wide permissions and their roles in open incidents. */
export function wardenVerbs(approvers: readonly string[]): Verb[] {
  const whoami: Verb = {
    name: 'whoami',
    help: { usage: 'whoami', summary: 'your Slack id and what Warden lets you do', inChannel: false },
    run(ctx) {
      const { userId, deps } = ctx;
      const mine = deps.store.incidents.listOpen().filter((i) => Object.values(i.roles).includes(userId));
      const powers = [deps.policy.admins.includes(userId) ? 'Warden admin' : null, approvers.includes(userId) ? 'notice approver' : null].filter(Boolean);
      const held = powers.length ? `You are a ${powers.join(' and ')}.` : 'You hold no Warden-wide permission.';
      return reply(`You are <@${userId}> (\`${userId}\`). ${held} Roles in open incidents: ${mine.length ? mine.map((i) => i.id).join(', ') : 'none'}.`);
    },
  };
  return [whoami];
}
