-- CPU per declare (issue 15): every index is one more B-tree page a declare writes (its commit was the biggest single
-- cost of a declare). These two on user_id alone are read by no query: a person's open incidents come through
-- incident_roles_open_by_user and incident_members_private_open_by_user (016), which start with user_id too, and
-- every other read of these tables goes by incident_id (the primary keys). EXPLAIN QUERY PLAN of each read of both
-- tables in src/ (open-reads, incident-rows, incident-repo, member-repo, the 016 triggers) names neither.
DROP INDEX incident_roles_user;
DROP INDEX incident_members_user;
