-- The declare duplicate check (issue 15): the same person declaring the same title, in any case, within two minutes.
-- Through incidents_declarer_recent it read every incident that person declared in those two minutes, one table row
-- each to compare its title: at 4 declarations a second by one person (the bench's load) about 25 µs a declare, and
-- more the faster one person declares. With the lower-cased title in the index the check is one seek, whatever that
-- person declared; the index replaces the old one, so a declare writes no more pages than before. Nothing else
-- reads incidents_declarer_recent (EXPLAIN QUERY PLAN of every read of incidents in src/).
DROP INDEX incidents_declarer_recent;
CREATE INDEX incidents_declarer_title_recent ON incidents(declared_by, lower(title), declared_at);
