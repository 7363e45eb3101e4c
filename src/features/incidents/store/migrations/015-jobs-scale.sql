-- Jobs at scale (issue 15): what /readyz, /metrics, the runner and the pruner read costs what they show, never a
-- scan of every job ever stored.

-- How many jobs are in each status, kept by triggers in the transaction that changes a job: /readyz and /metrics
-- read one row instead of counting a table that holds every reminder ever sent.
CREATE TABLE job_counts (
  status TEXT PRIMARY KEY,
  n      INTEGER NOT NULL
) STRICT;
INSERT INTO job_counts (status, n) VALUES ('pending', 0), ('done', 0), ('failed', 0), ('cancelled', 0);
INSERT INTO job_counts (status, n) SELECT status, count(*) FROM jobs GROUP BY status
  ON CONFLICT(status) DO UPDATE SET n = excluded.n;

CREATE TRIGGER jobs_count_insert AFTER INSERT ON jobs
BEGIN
  INSERT INTO job_counts (status, n) VALUES (NEW.status, 1) ON CONFLICT(status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER jobs_count_update AFTER UPDATE OF status ON jobs WHEN OLD.status IS NOT NEW.status
BEGIN
  UPDATE job_counts SET n = n - 1 WHERE status = OLD.status;
  INSERT INTO job_counts (status, n) VALUES (NEW.status, 1) ON CONFLICT(status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER jobs_count_delete AFTER DELETE ON jobs
BEGIN
  UPDATE job_counts SET n = n - 1 WHERE status = OLD.status;
END;

-- An incident's pending jobs in due order straight from the index (pendingFor), which also serves cancelling
-- an incident's pending jobs of some kinds: it replaces the index on (incident_id, kind).
DROP INDEX jobs_incident;
CREATE INDEX jobs_incident_due ON jobs(incident_id, due_at, id) WHERE status = 'pending';

-- The pruner's oldest finished jobs first, without looking at pending or failed ones.
CREATE INDEX jobs_finished ON jobs(finished_at, id) WHERE status IN ('done', 'cancelled');

-- The idempotency keys of pruned jobs: a key stays spent after its row is gone, so a Slack retry, a webhook
-- redelivery or a restart's re-queue long after still adds nothing (NewJob.idemKey: "once, whatever its status").
CREATE TABLE job_spent_keys (
  idem_key TEXT PRIMARY KEY,
  pruned_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
