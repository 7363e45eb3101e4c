/**
 * What `warden audit verify` can find, each with its own exit code so a monitor can tell a forged checkpoint
 * from a cut-off tail without parsing text. 1 and 2 stay the CLI's (an error, a usage mistake).
 */
export const PROBLEM_EXIT_CODES = {
  edited: 3,
  deleted: 4,
  reordered: 5,
  truncated: 6,
  rewritten: 7,
  checkpoint_forged: 8,
  checkpoint_chain: 9,
  guard_removed: 10,
  timeline: 11,
  no_checkpoints: 12,
} as const;

export type ProblemKind = keyof typeof PROBLEM_EXIT_CODES;

export interface AuditProblem {
  kind: ProblemKind;
  /** The first audit entry that fails, when the problem is in the chain. */
  seq?: number;
  /** The checkpoint file's line, when the problem is a checkpoint. */
  line?: number;
  message: string;
}
