-- The /metrics response histograms cost the same at 10 and 10,000 incidents in the window (issue 15). What each
-- real incident contributes (MTTA, MTTR, each legal submission) is kept as one row per observation, and the sum of
-- those rows per UTC day of the declaration, series, labels and histogram bucket is kept beside them: a scrape adds
-- up at most 30 days of bucket rows and reads the observations of the window's first, partial day alone.
--
-- Triggers on the facts the figures come from (the incident row, its status-change timeline entries, its
-- `detected` clock event, its stage submissions) recompute that incident's observations in the same transaction,
-- whoever writes them, so a correction replaces the old observation and no code path can let the sums drift.
-- The rules are the read model's (response-times-read.ts, RESPONSE_TIMES_SQL): test/features/metrics/store/
-- response-histograms-read.test.ts compares the two on randomised histories. Day and window edges are compared as
-- text, as that read compares declared_at (UTC ISO-8601 strings sort as time).

-- The histogram's upper bounds (prometheus-series.ts BUCKETS, in ms); bucket 11 is +Inf.
CREATE TABLE metrics_histogram_bounds (
  bucket INTEGER PRIMARY KEY,
  le_ms  INTEGER NOT NULL UNIQUE
) STRICT;
INSERT INTO metrics_histogram_bounds (bucket, le_ms) VALUES
  (0, 60000), (1, 300000), (2, 900000), (3, 1800000), (4, 3600000), (5, 7200000), (6, 14400000), (7, 28800000),
  (8, 86400000), (9, 259200000), (10, 604800000);

-- What an incident contributes now, computed from the stored facts (drills contribute nothing). Times are whole
-- milliseconds, as JavaScript's Date reads them. A value SQLite cannot compute is left out, never an error that
-- would refuse the write that fired the trigger.
CREATE VIEW metrics_observed AS
  WITH real AS (
    SELECT id, severity, declared_at, detected_at, resolved_at,
      CAST(round(unixepoch(declared_at, 'subsec') * 1000) AS INTEGER) AS declared_ms
    FROM incidents WHERE NOT (drill = 1 OR type = 'drill')
  ),
  timed AS (SELECT * FROM real WHERE declared_ms IS NOT NULL),
  values_ms AS (
    SELECT r.id AS incident_id, 'mtta' AS series, r.severity AS label_a, '' AS label_b, r.declared_at,
      max(0, coalesce(r.declared_ms - CAST(round(unixepoch(coalesce(
        (SELECT c.at FROM clock_events c WHERE c.incident_id = r.id AND c.event = 'detected'), r.detected_at), 'subsec') * 1000) AS INTEGER), 0)) AS value_ms
    FROM timed r
    UNION ALL
    SELECT r.id, 'mttr', r.severity, '', r.declared_at,
      max(0, CAST(round(unixepoch(coalesce(
        (SELECT min(t.at) FROM timeline t WHERE t.incident_id = r.id AND t.kind = 'status_changed'
           AND CASE WHEN json_valid(t.data) THEN json_extract(t.data, '$.to') END = 'resolved'), r.resolved_at), 'subsec') * 1000) AS INTEGER) - r.declared_ms)
    FROM timed r
    UNION ALL
    SELECT r.id, 'legal', s.regime_id, s.stage_id, r.declared_at,
      CAST(round(unixepoch(s.submitted_at, 'subsec') * 1000) AS INTEGER) - r.declared_ms
    FROM timed r JOIN stage_submissions s ON s.incident_id = r.id
  )
  SELECT incident_id, series, label_a, label_b, declared_at, value_ms,
    (SELECT count(*) FROM metrics_histogram_bounds b WHERE b.le_ms < v.value_ms) AS bucket
  FROM values_ms v WHERE v.value_ms IS NOT NULL AND v.declared_at IS NOT NULL;

CREATE TABLE metrics_observations (
  incident_id TEXT    NOT NULL,
  series      TEXT    NOT NULL CHECK (series IN ('mtta', 'mttr', 'legal')),
  label_a     TEXT    NOT NULL, -- severity, or the legal regime
  label_b     TEXT    NOT NULL, -- '' or the legal stage
  declared_at TEXT    NOT NULL,
  value_ms    INTEGER NOT NULL,
  bucket      INTEGER NOT NULL,
  PRIMARY KEY (incident_id, series, label_a, label_b)
) STRICT;
CREATE INDEX metrics_observations_declared ON metrics_observations(declared_at);

-- Per UTC day of declaration (the first 10 characters of declared_at): how many observations fell in each bucket
-- (not cumulative) and their sum in ms (integers: exact, whatever order they were added in).
CREATE TABLE metrics_daily_buckets (
  day          TEXT    NOT NULL,
  series       TEXT    NOT NULL,
  label_a      TEXT    NOT NULL,
  label_b      TEXT    NOT NULL,
  bucket       INTEGER NOT NULL,
  observations INTEGER NOT NULL,
  sum_ms       INTEGER NOT NULL,
  PRIMARY KEY (day, series, label_a, label_b, bucket)
) STRICT, WITHOUT ROWID;

-- Backfill from the rows already stored, before the triggers exist.
INSERT INTO metrics_observations (incident_id, series, label_a, label_b, declared_at, value_ms, bucket)
  SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed;
INSERT INTO metrics_daily_buckets (day, series, label_a, label_b, bucket, observations, sum_ms)
  SELECT substr(declared_at, 1, 10), series, label_a, label_b, bucket, count(*), sum(value_ms)
  FROM metrics_observations GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER metrics_observation_added AFTER INSERT ON metrics_observations
BEGIN
  INSERT INTO metrics_daily_buckets (day, series, label_a, label_b, bucket, observations, sum_ms)
    VALUES (substr(NEW.declared_at, 1, 10), NEW.series, NEW.label_a, NEW.label_b, NEW.bucket, 1, NEW.value_ms)
    ON CONFLICT DO UPDATE SET observations = observations + 1, sum_ms = sum_ms + excluded.sum_ms;
END;

CREATE TRIGGER metrics_observation_removed AFTER DELETE ON metrics_observations
BEGIN
  UPDATE metrics_daily_buckets SET observations = observations - 1, sum_ms = sum_ms - OLD.value_ms
    WHERE day = substr(OLD.declared_at, 1, 10) AND series = OLD.series AND label_a = OLD.label_a AND label_b = OLD.label_b AND bucket = OLD.bucket;
  DELETE FROM metrics_daily_buckets
    WHERE day = substr(OLD.declared_at, 1, 10) AND series = OLD.series AND label_a = OLD.label_a AND label_b = OLD.label_b AND bucket = OLD.bucket
      AND observations = 0;
END;

-- Recomputing an incident (or one series of it): drop what it contributed, add what it contributes now (a handful
-- of rows). Each trigger recomputes from the stored state, so two firing for one write agree.
CREATE TRIGGER metrics_incident_declared AFTER INSERT ON incidents
BEGIN
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed WHERE incident_id = NEW.id;
END;

CREATE TRIGGER metrics_incident_changed AFTER UPDATE OF id, severity, drill, type, declared_at ON incidents
  WHEN OLD.id IS NOT NEW.id OR OLD.severity IS NOT NEW.severity OR OLD.drill IS NOT NEW.drill OR OLD.type IS NOT NEW.type
    OR OLD.declared_at IS NOT NEW.declared_at
BEGIN
  DELETE FROM metrics_observations WHERE incident_id IN (OLD.id, NEW.id);
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed WHERE incident_id = NEW.id;
END;

CREATE TRIGGER metrics_form_detection_changed AFTER UPDATE OF detected_at ON incidents WHEN OLD.detected_at IS NOT NEW.detected_at
BEGIN
  DELETE FROM metrics_observations WHERE incident_id = NEW.id AND series = 'mtta';
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed
    WHERE incident_id = NEW.id AND series = 'mtta';
END;

CREATE TRIGGER metrics_resolved_at_changed AFTER UPDATE OF resolved_at ON incidents WHEN OLD.resolved_at IS NOT NEW.resolved_at
BEGIN
  DELETE FROM metrics_observations WHERE incident_id = NEW.id AND series = 'mttr';
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed
    WHERE incident_id = NEW.id AND series = 'mttr';
END;

CREATE TRIGGER metrics_incident_deleted AFTER DELETE ON incidents
BEGIN
  DELETE FROM metrics_observations WHERE incident_id = OLD.id;
END;

-- The timeline is append-only (migration 013): only a new change to resolved can move the first resolution.
CREATE TRIGGER metrics_status_changed AFTER INSERT ON timeline
  WHEN NEW.kind = 'status_changed' AND CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.to') END = 'resolved'
BEGIN
  DELETE FROM metrics_observations WHERE incident_id = NEW.incident_id AND series = 'mttr';
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed
    WHERE incident_id = NEW.incident_id AND series = 'mttr';
END;

CREATE TRIGGER metrics_detected_recorded AFTER INSERT ON clock_events WHEN NEW.event = 'detected'
BEGIN
  DELETE FROM metrics_observations WHERE incident_id = NEW.incident_id AND series = 'mtta';
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed
    WHERE incident_id = NEW.incident_id AND series = 'mtta';
END;

CREATE TRIGGER metrics_detected_corrected AFTER UPDATE OF incident_id, event, at ON clock_events
  WHEN (OLD.event = 'detected' OR NEW.event = 'detected')
    AND (OLD.incident_id IS NOT NEW.incident_id OR OLD.event IS NOT NEW.event OR OLD.at IS NOT NEW.at)
BEGIN
  DELETE FROM metrics_observations WHERE incident_id IN (OLD.incident_id, NEW.incident_id) AND series = 'mtta';
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed
    WHERE incident_id IN (OLD.incident_id, NEW.incident_id) AND series = 'mtta';
END;

CREATE TRIGGER metrics_detected_removed AFTER DELETE ON clock_events WHEN OLD.event = 'detected'
BEGIN
  DELETE FROM metrics_observations WHERE incident_id = OLD.incident_id AND series = 'mtta';
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed
    WHERE incident_id = OLD.incident_id AND series = 'mtta';
END;

CREATE TRIGGER metrics_stage_submitted AFTER INSERT ON stage_submissions
BEGIN
  DELETE FROM metrics_observations WHERE incident_id = NEW.incident_id AND series = 'legal';
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed
    WHERE incident_id = NEW.incident_id AND series = 'legal';
END;

CREATE TRIGGER metrics_submission_corrected AFTER UPDATE OF incident_id, regime_id, stage_id, submitted_at ON stage_submissions
  WHEN OLD.incident_id IS NOT NEW.incident_id OR OLD.regime_id IS NOT NEW.regime_id OR OLD.stage_id IS NOT NEW.stage_id OR OLD.submitted_at IS NOT NEW.submitted_at
BEGIN
  DELETE FROM metrics_observations WHERE incident_id IN (OLD.incident_id, NEW.incident_id) AND series = 'legal';
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed
    WHERE incident_id IN (OLD.incident_id, NEW.incident_id) AND series = 'legal';
END;

CREATE TRIGGER metrics_submission_removed AFTER DELETE ON stage_submissions
BEGIN
  DELETE FROM metrics_observations WHERE incident_id = OLD.incident_id AND series = 'legal';
  INSERT INTO metrics_observations SELECT incident_id, series, label_a, label_b, declared_at, value_ms, bucket FROM metrics_observed
    WHERE incident_id = OLD.incident_id AND series = 'legal';
END;
