import type { Db } from '../../../platform/db/db.js';

/**
 * Who is in an incident: the declarer, its role holders, the people invited to its channel and whoever
 * Slack reports joining it. A private incident is shown only to them. Callers hold the transaction.
 */
export function memberRepo(db: Db) {
  const insert = db.prepare<[string, string, string]>('INSERT INTO incident_members (incident_id, user_id, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const remove = db.prepare<[string, string]>('DELETE FROM incident_members WHERE incident_id = ? AND user_id = ?');
  const exists = db.prepare<[string, string], number>('SELECT 1 FROM incident_members WHERE incident_id = ? AND user_id = ?').pluck();
  const list = db.prepare<[string], string>('SELECT user_id FROM incident_members WHERE incident_id = ? ORDER BY since, user_id').pluck();
  return {
    /** Records a member; someone already in keeps the time they first joined. */
    addMember(incidentId: string, userId: string, since: Date): void {
      insert.run(incidentId, userId, since.toISOString());
    },
    removeMember(incidentId: string, userId: string): void {
      remove.run(incidentId, userId);
    },
    isMember: (incidentId: string, userId: string): boolean => exists.get(incidentId, userId) !== undefined,
    membersOf: (incidentId: string): string[] => list.all(incidentId),
  };
}
