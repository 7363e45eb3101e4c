import { z } from 'zod';
import type { SlackListeners } from '../../../adapters/slack/listeners.js';
import type { SlackDeps, Verb } from '../../../adapters/slack/commands/registry.js';
import { WardenError } from '../../../platform/errors.js';
import { openIncidentsPage } from '../app/visible-incidents.js';
import { incidentList, LIST_MORE_ACTION } from './blocks/incident-list.js';

/** `/incident list`: the first page of the open incidents the person may see, newest first. */
export const list: Verb = {
  name: 'list',
  help: { usage: 'list', summary: 'open incidents, newest first, 20 a page (private ones only to their members)', inChannel: false },
  run: (ctx) => incidentList(openIncidentsPage(ctx.deps.store, ctx.userId, null), ctx.deps.policy),
};

const moreValue = z.object({ shown: z.number().int().nonnegative().max(10_000_000), at: z.string().min(1).max(40), id: z.string().min(1).max(60) });

function parseMore(value: string | undefined): z.infer<typeof moreValue> {
  let raw: unknown;
  try {
    raw = JSON.parse(value ?? '');
  } catch {
    raw = null;
  }
  const parsed = moreValue.safeParse(raw);
  if (!parsed.success) throw new WardenError('bad_input', 'This button names no page of the incident list; run `/incident list` again.');
  return parsed.data;
}

/**
 * "More" under a page of `/incident list`: the next (older) page replaces the clicked one in the clicker's
 * ephemeral reply. Visibility is decided again for whoever clicks, so a page never shows what they may not see.
 */
export function registerListMore(on: SlackListeners, deps: Pick<SlackDeps, 'store' | 'policy'>): void {
  on.action(LIST_MORE_ACTION, (click) => {
    const more = parseMore(click.value);
    const page = openIncidentsPage(deps.store, click.userId, { declaredAt: more.at, id: more.id });
    return { ...incidentList(page, deps.policy, more.shown), replaceOriginal: true };
  });
}
