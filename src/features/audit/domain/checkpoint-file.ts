import { z } from 'zod';
import type { Checkpoint } from './checkpoint.js';

const HEX64 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const checkpointSchema = z.object({
  v: z.literal(1),
  kind: z.enum(['checkpoint', 'restore']),
  count: z.number().int().nonnegative(),
  head: z.string().regex(HEX64, 'expected 64 hex digits'),
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO instant'),
  prev: z.string().regex(BASE64, 'expected base64'),
  key: z.string(),
  sig: z.string().regex(BASE64, 'expected base64').min(1),
});

/** A checkpoint file's lines: each parsed, or the reason it is not a checkpoint. Blank lines are skipped. */
export type CheckpointFileLine = { line: number; checkpoint: Checkpoint } | { line: number; problem: string };

export function parseCheckpointFile(text: string): CheckpointFileLine[] {
  const lines: CheckpointFileLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    lines.push({ line: i + 1, ...parseLine(raw) });
  });
  return lines;
}

function parseLine(raw: string): { checkpoint: Checkpoint } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { problem: 'not JSON' };
  }
  const parsed = checkpointSchema.safeParse(value);
  if (parsed.success) return { checkpoint: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'not a checkpoint'}` };
}
