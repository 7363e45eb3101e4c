import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/platform/db/db.js';
import { limitedStatement } from '../../../src/platform/db/limited.js';

let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (at) VALUES (?)');
  for (let i = 1; i <= 30; i++) insert.run(`2026-12-${String(i).padStart(2, '0')}`);
});
afterEach(() => db.close());

const upTo = () => limitedStatement<[string], number>(db, (limit) => `SELECT id FROM t WHERE at <= ? ORDER BY at LIMIT ${limit}`, (s) => s.pluck());

describe('a statement with its LIMIT written into the SQL', () => {
  it('when it is run with a limit, then it answers at most that many rows, and the same statement for the same limit', () => {
    const statement = upTo();
    expect(statement(4).all('2026-12-10')).toEqual([1, 2, 3, 4]);
    expect(statement(0).all('2026-12-10')).toEqual([]);
    expect(statement(50).all('2026-12-10')).toHaveLength(10);
    expect(statement(4)).toBe(statement(4));
    expect(statement(4).source).toContain('LIMIT 4');
  });

  it('when more distinct limits are asked for than it keeps, then each still answers right', () => {
    const statement = upTo();
    for (let limit = 1; limit <= 20; limit++) expect(statement(limit).all('2026-12-30')).toHaveLength(limit);
  });

  it('when the limit is not a non-negative integer, then it is refused before any SQL is written', () => {
    const statement = upTo();
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => statement(bad)).toThrow(RangeError);
  });
});
