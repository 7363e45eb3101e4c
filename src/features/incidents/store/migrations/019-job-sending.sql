-- When a job first put a post on the wire. A job found with it set may have reached Slack before a crash or a lost
-- answer, so its posts look for themselves (by their metadata) before they are sent again.
ALTER TABLE jobs ADD COLUMN sending_at TEXT;
