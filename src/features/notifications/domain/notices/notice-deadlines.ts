/** Turns computed stage deadlines into the strings a notice shows. */
import { formatLocal, formatUtc } from '../deadlines/format-instant.js';
import type { Regime } from '../deadlines/regime.js';
import type { StageDeadline } from '../deadlines/stage-deadline.js';
import type { NoticeDeadline, NoticeRegime } from './notice-context.js';

function dueText(s: StageDeadline): string {
  if (s.due) {
    const when = `${formatUtc(s.due)} (${formatLocal(s.due, s.zone)})`;
    return s.dueKind === 'internal' ? `${when}, internal target, not a legal deadline` : when;
  }
  if (s.waitingFor) return `not running yet: waiting for ${s.waitingFor}`;
  return s.text ? `no fixed period: ${s.text}` : 'no fixed period';
}

/** One NoticeDeadline per stage; unverified or partial rules keep their label. */
export function noticeDeadlines(list: readonly StageDeadline[]): NoticeDeadline[] {
  return list.map((s) => ({
    regime: s.regimeId,
    regimeName: s.regimeStatus === 'proposed' ? `${s.regimeName} (proposed, not yet law)` : s.regimeName,
    stage: s.stageId,
    recipient: s.recipient,
    due: dueText(s),
    dueKind: s.dueKind,
    status: s.status,
    verification: s.verification,
    citation: s.citation,
  }));
}

export function noticeRegimes(regimes: readonly Regime[]): NoticeRegime[] {
  return regimes.map((r) => ({ id: r.id, name: r.name, citation: r.citation, verification: r.verification }));
}
