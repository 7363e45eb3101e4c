import type { Control, ControlPeriod, PeriodPatch } from '../domain/control.js';

type NewControl = Omit<Control, 'source' | 'active'>;

/** Controls and their periods as the use cases read and write them (store/control-repo.ts implements it over SQLite). */
export interface ControlRecords {
  /** Every control, with its owner as it stands (a stored `/access-review owner` wins over the configured one). */
  all(): Control[];
  get(id: string): Control | null;
  /** A configured control, refreshed from warden.yaml; `since` is kept from the first time it was seen. */
  upsertConfig(control: NewControl): void;
  insertAdded(control: NewControl, addedBy: string): void;
  /** Configured controls left out of warden.yaml stop opening periods; their record stays. */
  retireConfigNotIn(ids: readonly string[]): void;
  setOwner(id: string, owner: string, by: string, at: Date): void;
  period(controlId: string, start: Date): ControlPeriod | null;
  latest(controlId: string): ControlPeriod | null;
  oldestOpen(controlId: string): ControlPeriod | null;
  /** The control's open periods, oldest first. */
  openOf(controlId: string): ControlPeriod[];
  lastDone(controlId: string): ControlPeriod | null;
  /** Opens a period; false when it was open already (a retried job, a restart). */
  insertPeriod(period: { controlId: string; start: Date; due: Date; planSince: Date }): boolean;
  updatePeriod(controlId: string, start: Date, patch: PeriodPatch): void;
  /** Open periods of active controls past their due time, most overdue first, at most `limit`. */
  overdue(now: Date, limit: number): ControlPeriod[];
  overdueCount(now: Date): number;
}
