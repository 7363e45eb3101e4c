import type { Db } from '../../../platform/db/db.js';
import type { BackupRecords } from '../domain/ports.js';
import type { BackupKind, BackupRecord, BackupStatus } from '../domain/backup.js';

interface Row {
  id: number;
  path: string;
  kind: string;
  taken_at: string;
  bytes: number | null;
  sha256: string | null;
  audit_entries: number | null;
  audit_head: string | null;
  data_as_of: string | null;
  status: string;
  error: string | null;
}

const toRecord = (r: Row): BackupRecord => ({
  id: r.id,
  path: r.path,
  kind: r.kind as BackupKind,
  takenAt: new Date(r.taken_at),
  status: r.status as BackupStatus,
  facts:
    r.sha256 === null
      ? null
      : { bytes: r.bytes ?? 0, sha256: r.sha256, auditEntries: r.audit_entries ?? 0, auditHead: r.audit_head ?? '', dataAsOf: r.data_as_of ? new Date(r.data_as_of) : null },
  error: r.error,
});

/** The `backups` table: every read is indexed (status or kind, then time), so a scrape of /metrics stays cheap. */
export function backupRepo(db: Db): BackupRecords {
  const insert = db.prepare(`INSERT INTO backups (path, kind, taken_at, bytes, sha256, audit_entries, audit_head, data_as_of, status, error)
    VALUES (@path, @kind, @takenAt, @bytes, @sha256, @auditEntries, @auditHead, @dataAsOf, @status, @error) RETURNING *`);
  const lastGood = db.prepare<[], Row>("SELECT * FROM backups WHERE status = 'ok' ORDER BY taken_at DESC, id DESC LIMIT 1");
  const lastGoodOf = db.prepare<[string], Row>("SELECT * FROM backups WHERE kind = ? AND status = 'ok' ORDER BY taken_at DESC, id DESC LIMIT 1");
  const list = db.prepare<[number], Row>('SELECT * FROM backups ORDER BY taken_at DESC, id DESC LIMIT ?');
  const goodScheduled = db.prepare<[], Row>("SELECT * FROM backups WHERE kind = 'scheduled' AND status = 'ok' ORDER BY taken_at DESC, id DESC");
  const prune = db.prepare("UPDATE backups SET status = 'pruned' WHERE id = ? AND status = 'ok'");
  const add = (row: Omit<Row, 'id'>) =>
    toRecord(insert.get({ path: row.path, kind: row.kind, takenAt: row.taken_at, bytes: row.bytes, sha256: row.sha256, auditEntries: row.audit_entries, auditHead: row.audit_head, dataAsOf: row.data_as_of, status: row.status, error: row.error }) as Row);
  return {
    recordOk: ({ path, kind, takenAt, facts }) =>
      add({ path, kind, taken_at: takenAt.toISOString(), bytes: facts.bytes, sha256: facts.sha256, audit_entries: facts.auditEntries, audit_head: facts.auditHead, data_as_of: facts.dataAsOf?.toISOString() ?? null, status: 'ok', error: null }),
    recordFailed: ({ path, kind, takenAt, error }) =>
      add({ path, kind, taken_at: takenAt.toISOString(), bytes: null, sha256: null, audit_entries: null, audit_head: null, data_as_of: null, status: 'failed', error }),
    lastGood: (kind?: BackupKind) => {
      const r = kind ? lastGoodOf.get(kind) : lastGood.get();
      return r ? toRecord(r) : null;
    },
    list: (limit: number) => list.all(limit).map(toRecord),
    goodScheduled: () => goodScheduled.all().map(toRecord),
    markPruned: (ids) => {
      for (const id of ids) prune.run(id);
    },
  };
}
