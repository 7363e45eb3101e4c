import type { Db } from '../../../platform/db/db.js';
import { limitedStatement } from '../../../platform/db/limited.js';
import type { Incident, ListCursor } from '../domain/incident.js';
import type { IncidentRole } from '../domain/incident-model.js';
import { hydrateRows, type IncidentRow } from './incident-rows.js';

/** Sorts after every ISO instant: the cursor of the first page. */
const NEWEST: ListCursor = { declaredAt: '~', id: '' };

/** What orders a page: the declaration instant, then the id. */
type Key = Pick<IncidentRow, 'id' | 'declared_at'>;

const newerFirst = (a: Key, b: Key) =>
  a.declared_at === b.declared_at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.declared_at < b.declared_at ? 1 : -1;

/**
 * The open-incident reads a person triggers (the list, App Home, whoami). Each walks an index in declaration
 * order (migration 016) and stops after the rows it shows, so a page costs the same at 10 and 10,000 open and
 * a person's own incidents cost what they hold, not what is stored.
 */
export function openReads(db: Db) {
  const hydrate = hydrateRows(db);
  // The page's keys come from the indexes alone (covering); only the kept rows are then read whole.
  const publicOpen = limitedStatement<[string, string], Key>(db, (limit) => `SELECT id, declared_at FROM incidents INDEXED BY incidents_open_public_recent
    WHERE status <> 'closed' AND private = 0 AND (declared_at, id) < (?, ?) ORDER BY declared_at DESC, id DESC LIMIT ${limit}`);
  const privateOpenOf = limitedStatement<[string, string, string], Key>(db, (limit) => `SELECT m.incident_id AS id, m.private_open_declared_at AS declared_at
    FROM incident_members m INDEXED BY incident_members_private_open_by_user
    WHERE m.user_id = ? AND m.private_open_declared_at IS NOT NULL AND (m.private_open_declared_at, m.incident_id) < (?, ?)
    ORDER BY m.private_open_declared_at DESC, m.incident_id DESC LIMIT ${limit}`);
  const rolesOpenOf = db.prepare<[string], { incident_id: string; role: string }>(`SELECT incident_id, role FROM incident_roles
    INDEXED BY incident_roles_open_by_user WHERE user_id = ? AND open_declared_at IS NOT NULL
    ORDER BY open_declared_at DESC, incident_id DESC`);
  // `+user_id`: probe each candidate by key; the planner would otherwise walk all of the viewer's roles.
  const heldAmong = db.prepare<[string, string], string>(
    'SELECT incident_id FROM incident_roles WHERE incident_id IN (SELECT value FROM json_each(?)) AND +user_id = ?',
  ).pluck();
  const byIds = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE id IN (SELECT value FROM json_each(?))');

  /** The raw rows of `openVisiblePage`, not yet hydrated. */
  function visibleRows(viewer: string, before: ListCursor | null, limit: number): IncidentRow[] {
    const at = before ?? NEWEST;
    const keys = [...publicOpen(limit).all(at.declaredAt, at.id), ...privateOpenOf(limit).all(viewer, at.declaredAt, at.id)].sort(newerFirst).slice(0, limit);
    return keys.length === 0 ? [] : byIds.all(JSON.stringify(keys.map((k) => k.id))).sort(newerFirst);
  }

  return {
    /**
     * Up to `limit` open incidents the viewer may see, newest first, declared before `before` (none: from the
     * newest): the public ones merged with the private ones they are a member of.
     */
    openVisiblePage: (viewer: string, before: ListCursor | null, limit: number): Incident[] => hydrate(visibleRows(viewer, before, limit)),
    /**
     * Of the `scan` newest open incidents the viewer may see, up to `limit` they hold no role in (App Home's
     * "others"): one query decides which of them are the viewer's, and only the kept rows are hydrated.
     */
    openVisibleNotHeld(viewer: string, scan: number, limit: number): { incidents: Incident[]; scanned: number } {
      const rows = visibleRows(viewer, null, scan);
      const held = new Set(heldAmong.all(JSON.stringify(rows.map((r) => r.id)), viewer));
      return { incidents: hydrate(rows.filter((r) => !held.has(r.id)).slice(0, limit)), scanned: rows.length };
    },
    /** Up to `limit` open incidents the person holds a role in, newest first. */
    openHeldBy(userId: string, limit: number): Incident[] {
      const ids: string[] = [];
      for (const r of rolesOpenOf.iterate(userId)) {
        if (ids.at(-1) === r.incident_id) continue; // one incident's roles are adjacent in the index
        if (ids.length === limit) break;
        ids.push(r.incident_id);
      }
      return ids.length === 0 ? [] : hydrate(byIds.all(JSON.stringify(ids)).sort(newerFirst));
    },
    /** Up to `limit` of the person's roles in open incidents, newest incident first. */
    openRolesOf(userId: string, limit: number): { incidentId: string; role: IncidentRole }[] {
      const roles: { incidentId: string; role: IncidentRole }[] = [];
      for (const r of rolesOpenOf.iterate(userId)) {
        if (roles.length === limit) break;
        roles.push({ incidentId: r.incident_id, role: r.role as IncidentRole });
      }
      return roles;
    },
  };
}
