import type { KnownBlock } from '@slack/types';
import type { HomeSection } from '../../../adapters/slack/home.js';
import { truncate } from '../../../adapters/slack/escape.js';
import type { Clock } from '../../../platform/clock.js';
import type { ReviewRepo } from '../store/review-repo.js';
import { reviewStateLine } from './review-messages.js';

const SHOWN = 10;

/** App Home: the reviews the viewer owns and has still to write, soonest due first (one indexed read). */
export function reviewHome(reviews: ReviewRepo, clock: Clock): HomeSection {
  return (viewer) => {
    const { reviews: open, total } = reviews.openOwnedBy(viewer, SHOWN);
    if (total === 0) return [];
    const now = clock.now();
    const blocks: KnownBlock[] = [{ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: `Your post-incident reviews (${total})` } }];
    const lines = open.map((r) => `*${r.incidentId}*${r.drill ? ' [drill]' : ''} · ${reviewStateLine(r, now)}`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), 3000) } });
    if (total > open.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${total - open.length} more.` }] });
    return blocks;
  };
}
