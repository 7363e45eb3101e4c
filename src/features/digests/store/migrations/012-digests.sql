-- Managers' digests: one row per scheduled run of one configured digest, written once (never two posts for a run).
CREATE TABLE digest_runs (
  -- The digest's identity: channel, cron schedule and zone (`security-managers|0 9 * * 1-5|Europe/Paris`).
  digest_key   TEXT NOT NULL,
  -- The scheduled instant of the run (UTC).
  run_at       TEXT NOT NULL,
  -- queued: the post is on its way; posted: Slack has it (posted_ts); skipped: missed by more than the grace.
  status       TEXT NOT NULL CHECK (status IN ('queued', 'posted', 'skipped')),
  late_ms      INTEGER NOT NULL DEFAULT 0,
  posted_ts    TEXT,
  recorded_at  TEXT NOT NULL,
  PRIMARY KEY (digest_key, run_at)
) STRICT;
