/** How a legal stage ended, said the same way in clocks.json and summary.md. Pure. */
import { formatDuration, type StageFacts } from '../../reviews/index.js';

/** `met with 2 d 23 h to spare`, `missed by 2 h`, `overdue by 1 h (not submitted)`, `open: 45 min left` ... */
export function stageSentence(s: StageFacts): string {
  const margin = s.marginMs === null ? '' : formatDuration(s.marginMs);
  const sentences: Record<StageFacts['outcome'], string> = {
    met: `met with ${margin} to spare`,
    missed: `missed by ${margin}`,
    overdue: `missed: not submitted, overdue by ${margin}`,
    open: `open: ${margin} left`,
    submitted: 'submitted (no fixed deadline)',
    waiting: `not running: waiting for ${s.waitingFor ?? 'its start event'}`,
    not_notifiable: 'decided not notifiable',
    no_deadline: 'no fixed deadline; not submitted',
  };
  return sentences[s.outcome];
}

/** The margin in whole seconds (rounded down), null when the outcome has none. */
export const marginSeconds = (s: StageFacts): number | null => (s.marginMs === null ? null : Math.floor(s.marginMs / 1000));
