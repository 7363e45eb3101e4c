/** Where a notice draft stands. `pending` waits for an approver; a submission can use an `approved` one. */
export const NOTICE_STATUSES = ['pending', 'approved', 'changes_requested'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export interface Notice {
  id: number;
  incidentId: string;
  template: string;
  /** The stage the notice is for; null for a notice that answers no stage (an internal summary ...). */
  regimeId: string | null;
  stageId: string | null;
  text: string;
  draftedBy: string;
  draftedAt: Date;
  status: NoticeStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** The approval request's message in the incident channel, once posted. */
  messageTs: string | null;
}

export type NewNotice = Pick<Notice, 'incidentId' | 'template' | 'regimeId' | 'stageId' | 'text' | 'draftedBy' | 'draftedAt'>;
