import { WardenError } from '../../../platform/errors.js';
import { afterAck, type Verb } from '../../../adapters/slack/commands/registry.js';
import { escapeMrkdwn, truncate } from '../../../adapters/slack/escape.js';
import { buildDigest, type DigestSources } from '../app/build-digest.js';
import type { DigestSchedule } from '../app/run-digest.js';
import { DIGEST_SECTIONS, type DigestSection } from '../domain/digest-sections.js';
import { digestMessage, slackMarks } from './digest-message.js';

const USAGE = `/warden digest [${DIGEST_SECTIONS.join('|')}]`;

function sectionArg(text: string): DigestSection | null {
  const word = text.trim().toLowerCase();
  if (word === '') return null;
  const known = (DIGEST_SECTIONS as readonly string[]).includes(word);
  if (!known) throw new WardenError('bad_input', `\`${escapeMrkdwn(truncate(word, 40))}\` is not a digest section: ${DIGEST_SECTIONS.map((s) => `\`${s}\``).join(', ')}. Usage: \`${USAGE}\``);
  return word as DigestSection;
}

/**
 * `/warden digest [section]`: the digest built now, only for the person asking. In a digest's channel it has
 * that digest's sections and zone; elsewhere every section, in the company display zone.
 */
export function digestVerb(digests: readonly DigestSchedule[], sources: DigestSources): Verb {
  return {
    name: 'digest',
    help: { usage: `digest [section]`, summary: `the managers' digest now, only for you (sections: ${DIGEST_SECTIONS.join(', ')})`, inChannel: false },
    run(ctx) {
      const only = sectionArg(ctx.args);
      return afterAck(async (client) => {
        // A digest's channel may be configured by name: Slack says the name of the channel the command came from.
        const name = await client.conversations.info({ channel: ctx.channelId }).then((r) => r.channel?.name ?? null, () => null);
        const here = digests.find((d) => d.channel === ctx.channelId || d.channel === name) ?? null;
        const now = ctx.deps.clock.now();
        const timeZone = here?.timeZone ?? ctx.deps.policy.timeZone;
        const parts = buildDigest(sources, only ? [only] : (here?.sections ?? DIGEST_SECTIONS), now, timeZone, slackMarks);
        return digestMessage(parts, { builtAt: now, timeZone });
      });
    },
  };
}
