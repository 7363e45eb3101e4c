import { changeVisibility } from '../app/change-visibility.js';
import { incidentInChannel } from '../app/record.js';
import { VISIBILITIES, type Visibility } from '../domain/visibility.js';
import { oneWord, wordParser } from '../../../adapters/slack/commands/args.js';
import { reply, type Verb } from '../../../adapters/slack/commands/registry.js';

const USAGE = '/incident visibility <public|private>';
const parseVisibility = wordParser<Visibility>(VISIBILITIES, 'visibility', USAGE);

/** `/incident visibility <public|private>` in the incident channel; no word says what it is now. */
export const visibility: Verb = {
  name: 'visibility',
  help: { usage: 'visibility <public|private>', summary: 'make a private incident public (commander or admin)', inChannel: true },
  run(ctx) {
    const incident = incidentInChannel(ctx.deps.store, ctx.channelId, 'visibility');
    if (!ctx.args.trim()) {
      return reply(`*${incident.id}* is *${incident.private ? 'private' : 'public'}*. ${incident.private ? 'Only its members see it.' : 'Everyone can see it.'}`);
    }
    const after = changeVisibility(ctx.deps, { userId: ctx.userId }, incident.id, parseVisibility(oneWord(ctx.args, USAGE)));
    if (after.private) return reply(`${after.id} is now *private*.`);
    const stays = after.channelId ? ' Its Slack channel stays private: Slack gives apps no way to make a private channel public, so invite whoever should join.' : '';
    return reply(`${after.id} is now *public*: listed for everyone and announced with its title.${stays}`);
  },
};
