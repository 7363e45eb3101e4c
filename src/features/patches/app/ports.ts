import type { Acceptance, AcceptanceStatus } from '../domain/acceptance.js';
import type { Finding, FindingPatch } from '../domain/finding.js';
import type { KnownFinding } from '../domain/import-plan.js';
import type { KevEntry } from '../domain/scan-report.js';

export type NewFinding = Omit<Finding, 'status' | 'evidence' | 'doneBy' | 'doneAt' | 'closedWithinSla' | 'acceptedUntil' | 'nextReminder' | 'escalatedAt'>;

/** Findings, risk acceptances and the KEV catalog as the use cases read and write them (store/patch-repo.ts). */
export interface PatchRecords {
  get(id: string): Finding | null;
  byIdentity(key: string): Finding | null;
  insert(f: NewFinding): void;
  update(id: string, patch: FindingPatch): void;
  openOfAssets(assets: readonly string[]): KnownFinding[];
  openOwnedBy(owner: string, limit: number): Finding[];
  open(limit: number): Finding[];
  overdue(now: Date, limit: number): Finding[];
  /** Open findings that name a CVE (a KEV import re-reads their due time). */
  openWithCves(): Finding[];
  kevDue(cve: string): { dueDate: string } | null;
  putKev(e: KevEntry): void;
  addAcceptance(a: Omit<Acceptance, 'id' | 'status' | 'decidedBy' | 'decidedAt'>): number;
  acceptance(id: number): Acceptance | null;
  acceptancesOf(findingId: string): Acceptance[];
  setAcceptance(id: number, status: AcceptanceStatus, by: string | null, at: Date | null): void;
}
