import type { DEFAULT_ROLE_IDS, DEFAULT_SEVERITY_IDS } from '../domain/incident-model.js';

/**
 * The texts and cadences Warden uses when warden.yaml says nothing. They are input values (durations as
 * text), parsed by the same schema as the file, so a default can never be something the file could not say.
 */

export const DEFAULT_SEVERITIES: Record<(typeof DEFAULT_SEVERITY_IDS)[number], { description: string; updateEvery: string }> = {
  sev1: {
    description:
      'Critical: confirmed compromise of customer or personal data, or a customer-facing service down for everyone. All hands; executives informed.',
    updateEvery: '30m',
  },
  sev2: {
    description:
      'Major: significant degradation, or a likely security compromise whose scope is still contained. Legal clocks may be running.',
    updateEvery: '1h',
  },
  sev3: {
    description: 'Minor: limited impact with a workaround, or a suspected security event under investigation.',
    updateEvery: '4h',
  },
  sev4: {
    description: 'Low: no customer impact; a near miss or a hygiene issue tracked to closure.',
    updateEvery: '1d',
  },
};

export const DEFAULT_ROLE_DUTIES: Record<(typeof DEFAULT_ROLE_IDS)[number], string> = {
  commander:
    'Incident commander: owns the incident from declaration to close. Coordinates the responders, sets priorities, makes the decisions (severity, escalation, when to resolve) and delegates the work; does not do hands-on fixing.',
  comms:
    'Communications lead: keeps everyone informed. Posts internal status updates on the cadence of the severity, records the legal clock events, drafts customer and regulator notices from the templates, gets them approved and records when they are submitted.',
  scribe:
    'Scribe: keeps the record. Captures the timeline, the decisions and who made them, and the open questions, so the post-incident review and the auditors can rely on it.',
  ops:
    'Operations lead: leads the hands-on work. Investigates, contains and mitigates, coordinates the engineers doing it, and reports progress and risks to the commander.',
};

/** Incident types declared private unless the declarer says `--public`: their very title can be sensitive. */
export const DEFAULT_PRIVATE_TYPES = ['privacy', 'security'] as const;

/** The commander's update reminders: at most this many in a row without an update (as step nags' `maxPerStep`). */
export const DEFAULT_UPDATE_REMINDERS = { maxPerUpdate: 3 } as const;
