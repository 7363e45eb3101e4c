import type { KeyObject } from 'node:crypto';
import type { AuditProblem } from './audit-problem.js';
import { signatureVerifies, type Checkpoint } from './checkpoint.js';
import type { CheckpointFileLine } from './checkpoint-file.js';

/** What a signed checkpoint says the chain must hold: the entry numbered `count` has hash `head`. */
export interface Expectation {
  count: number;
  head: string;
  at: string;
  line: number;
}

export type CheckpointVerdict = { ok: true; expectations: Expectation[]; last: Checkpoint | null } | { ok: false; problem: AuditProblem };

/**
 * Walks the checkpoint file: every line must be a checkpoint whose signature one of `publicKeys` verifies and
 * whose `prev` is the previous line's signature (a removed, reordered or inserted line breaks that). Counts never
 * go back, except at a `restore` checkpoint, which drops what earlier checkpoints said beyond its count.
 */
export function verifyCheckpoints(lines: readonly CheckpointFileLine[], publicKeys: readonly KeyObject[]): CheckpointVerdict {
  let expectations: Expectation[] = [];
  let last: Checkpoint | null = null;
  for (const entry of lines) {
    if ('problem' in entry) return fail('checkpoint_chain', entry.line, `checkpoint line ${entry.line} is not a checkpoint (${entry.problem})`);
    const cp = entry.checkpoint;
    if (!signatureVerifies(cp, publicKeys)) return fail('checkpoint_forged', entry.line, `checkpoint line ${entry.line}: the signature does not verify with the public key (forged or altered)`);
    if (cp.prev !== (last?.sig ?? '')) return fail('checkpoint_chain', entry.line, brokenLink(entry.line, last === null));
    const highest = expectations.at(-1)?.count ?? 0;
    if (cp.kind === 'checkpoint' && cp.count < highest) {
      return fail('checkpoint_chain', entry.line, `checkpoint line ${entry.line} covers ${cp.count} entries, fewer than the ${highest} an earlier checkpoint covered`);
    }
    if (cp.kind === 'restore') expectations = expectations.filter((e) => e.count <= cp.count);
    expectations.push({ count: cp.count, head: cp.head, at: cp.at, line: entry.line });
    last = cp;
  }
  return { ok: true, expectations, last };
}

function brokenLink(line: number, first: boolean): string {
  return first
    ? `checkpoint line ${line} chains from a checkpoint the file does not hold (earlier checkpoints were removed)`
    : `checkpoint line ${line} does not chain from line ${line - 1}'s signature (a checkpoint was removed, inserted or reordered)`;
}

const fail = (kind: AuditProblem['kind'], line: number, message: string): CheckpointVerdict => ({ ok: false, problem: { kind, line, message } });
