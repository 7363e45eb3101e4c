/** What the managers' digest shows of access reviews and other controls (`controlDigestOf(db)(now, limit)`). */
export interface ControlDigest {
  /** Periods past their due time and not done, most overdue first, at most `limit`; `overdueTotal` counts them all. */
  overdue: readonly { id: string; name: string; type: 'access-review' | 'control'; owner: string | null; dueAt: Date }[];
  overdueTotal: number;
  /** The names of the controls nobody owns (nobody is reminded of them and they are not escalated). */
  unowned: readonly string[];
}
