-- Response metrics (issue 10): MTTA, MTTR and time to legal submission read the incidents declared in a
-- period. This index makes that read a range over the period alone, however many incidents are stored.
CREATE INDEX incidents_declared_at ON incidents(declared_at);
