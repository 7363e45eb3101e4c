import type { ActionItem, ActionPatch } from '../domain/action-item.js';

/** Action items as the use cases read and write them (store/action-repo.ts implements it over SQLite). */
export interface ActionRecords {
  get(incidentId: string, id: string): ActionItem | null;
  /** Every item of the incident, in id order. */
  ofIncident(incidentId: string): ActionItem[];
  /** The ids the incident has given out. */
  idsOf(incidentId: string): string[];
  insert(item: ActionItem): void;
  update(incidentId: string, id: string, patch: ActionPatch): void;
  /** A person's open items across incidents, soonest due first, at most `limit`. */
  openOwnedBy(owner: string, limit: number): ActionItem[];
  openCountOf(owner: string): number;
}
