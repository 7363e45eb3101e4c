/** Calendar cadences of recurring controls; a control may also recur every N days (`90d`). */
export const CADENCES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** manual: done with `/access-review done`; tabletop: also done when a drill is declared and closed. */
export const CONTROL_KINDS = ['manual', 'tabletop'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];
