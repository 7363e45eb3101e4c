import { z } from 'zod';
import type { SlackListeners } from '../../../adapters/slack/listeners.js';
import { WardenError } from '../../../platform/errors.js';
import { decideAcceptance } from '../app/accept-risk.js';
import type { PatchDeps } from '../app/deps.js';
import { ACCEPTANCE_ACTIONS } from './patch-texts.js';

const acceptanceId = z.coerce.number().int().positive();

/** Approve / Refuse on an acceptance request: the use case checks `patch:approve` and four eyes. */
export function patchListeners(deps: PatchDeps) {
  return (on: SlackListeners): void => {
    const decide = (approve: boolean) =>
      on.action(approve ? ACCEPTANCE_ACTIONS.approve : ACCEPTANCE_ACTIONS.refuse, (click) => {
        const id = acceptanceId.safeParse(click.value);
        if (!id.success) throw new WardenError('bad_input', 'This button names no risk acceptance.');
        const message = click.channelId && click.messageTs ? { channel: click.channelId, ts: click.messageTs } : null;
        const a = decideAcceptance(deps, click.userId, id.data, approve, message);
        return `Risk acceptance #${a.id} of ${a.findingId} is ${a.status}.`;
      });
    decide(true);
    decide(false);
  };
}
