/** The public API of the legal notification clock engine (see docs/clock-kinds.md). */
export { computeDeadlines } from './compute-deadlines.js';
export { reminderTimes, type AfterDue } from './reminders.js';
export { suggestRegimes, REGIME_SUGGESTION_RULES, type RegimeSuggestionRule } from './suggest-regimes.js';
export { deadlineToJson, describeDeadline, describeRegime, type DeadlineJson } from './deadline-report.js';
export { formatLocal, formatTimeLeft, formatUtc } from './format-instant.js';
export {
  CLOCK_KINDS,
  VERIFICATIONS,
  REGIME_STATUSES,
  formatAnchor,
  parseAnchor,
  weakerVerification,
  type Anchor,
  type ClockKind,
  type Regime,
  type Stage,
  type Verification,
} from './regime.js';
export {
  DEADLINE_STATUSES,
  DUE_KINDS,
  type DeadlineInput,
  type DeadlineOptions,
  type DeadlineStatus,
  type DueKind,
  type NotNotifiableDecision,
  type StageDeadline,
} from './stage-deadline.js';
