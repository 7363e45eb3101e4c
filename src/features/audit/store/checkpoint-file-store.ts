import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, fstatSync, writeSync } from 'node:fs';
import { WardenError } from '../../../platform/errors.js';
import { checkpointLine, type Checkpoint } from '../domain/checkpoint.js';
import { parseCheckpointFile } from '../domain/checkpoint-file.js';

const TAIL_BYTES = 64 * 1024;

/**
 * The checkpoint file, outside the database: one JSON line per checkpoint, appended and flushed to disk
 * before a checkpoint counts as published. Reading the last one reads only the file's tail.
 */
export function checkpointFile(path: string) {
  return {
    path,
    /** The newest checkpoint, or null for a missing or empty file. A damaged last line is an error, never skipped. */
    last(): Checkpoint | null {
      if (!existsSync(path)) return null;
      const lines = parseCheckpointFile(readTail(path));
      const newest = lines.at(-1);
      if (!newest) return null;
      if ('problem' in newest) throw new WardenError('conflict', `${path}: the last checkpoint is not readable (${newest.problem}); run \`warden audit verify\``);
      return newest.checkpoint;
    },
    append(cp: Checkpoint): void {
      const fd = openSync(path, 'a', 0o644);
      try {
        writeSync(fd, `${checkpointLine(cp)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
    /** The whole file, or null when it does not exist. */
    read: (): string | null => (existsSync(path) ? readFileSync(path, 'utf8') : null),
  };
}

export type CheckpointFile = ReturnType<typeof checkpointFile>;

/** The last whole lines within the file's final 64 KiB (a checkpoint line is about 300 bytes). */
function readTail(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    return length < size ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    closeSync(fd);
  }
}
