import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointLine, parseCheckpointFile, signCheckpoint, verifyCheckpoints, type CheckpointKind } from '../../../src/features/audit/index.js';
import { nextSlot } from '../../../src/features/audit/app/checkpoint-schedule.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const head = (n: number) => n.toString(16).padStart(64, '0');

/** A checkpoint file of (kind, count) steps, each chained to the one before. */
function file(steps: Array<[CheckpointKind, number]>): string {
  let prev = '';
  return steps
    .map(([kind, count], i) => {
      const cp = signCheckpoint({ kind, count, head: head(count), at: `2026-12-02T${String(i).padStart(2, '0')}:00:00.000Z`, prev }, privateKey);
      prev = cp.sig;
      return `${checkpointLine(cp)}\n`;
    })
    .join('');
}

describe('the checkpoint chain', () => {
  it('when every checkpoint is signed and chained, then it yields what each says, in order', () => {
    const verdict = verifyCheckpoints(parseCheckpointFile(file([['checkpoint', 0], ['checkpoint', 3], ['checkpoint', 3], ['checkpoint', 7]])), [publicKey]);
    expect(verdict.ok && verdict.expectations.map((e) => [e.count, e.line])).toEqual([[0, 1], [3, 2], [3, 3], [7, 4]]);
  });

  it('when a restore goes back, then what earlier checkpoints said beyond it is dropped, and the count may rise again', () => {
    const verdict = verifyCheckpoints(parseCheckpointFile(file([['checkpoint', 5], ['checkpoint', 9], ['restore', 6], ['checkpoint', 8]])), [publicKey]);
    expect(verdict.ok && verdict.expectations.map((e) => e.count)).toEqual([5, 6, 8]);
  });

  it('when the count goes back without a restore, then the checkpoint chain is broken at that line', () => {
    const verdict = verifyCheckpoints(parseCheckpointFile(file([['checkpoint', 5], ['checkpoint', 4]])), [publicKey]);
    expect(verdict).toMatchObject({ ok: false, problem: { kind: 'checkpoint_chain', line: 2 } });
  });

  it('when the first line chains from a signature the file does not hold, then earlier checkpoints were removed', () => {
    const lines = file([['checkpoint', 1], ['checkpoint', 2]]).split('\n');
    const verdict = verifyCheckpoints(parseCheckpointFile(lines.slice(1).join('\n')), [publicKey]);
    expect(verdict.ok ? null : verdict.problem.message).toContain('chains from a checkpoint the file does not hold');
  });

  it('when a line is not a checkpoint, then it says which line and why; blank lines are skipped', () => {
    const text = `${file([['checkpoint', 1]])}\n{"v":2}\n`;
    const verdict = verifyCheckpoints(parseCheckpointFile(text), [publicKey]);
    expect(verdict).toMatchObject({ ok: false, problem: { kind: 'checkpoint_chain', line: 3 } });
    expect(parseCheckpointFile('not json')).toEqual([{ line: 1, problem: 'not JSON' }]);
  });
});

describe('checkpoint slots', () => {
  it('is the next full hour, the same whatever the instant inside the hour', () => {
    expect(nextSlot(new Date('2026-12-02T09:00:00.000Z')).toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(nextSlot(new Date('2026-12-02T09:59:59.999Z')).toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(nextSlot(new Date('2026-12-31T23:30:00.000Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
