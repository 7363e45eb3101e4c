import { wordParser } from '../../../adapters/slack/commands/args.js';
import { INCIDENT_STATUSES, INCIDENT_TYPES, type IncidentRole, type IncidentStatus, type IncidentType, type Severity } from '../domain/incident-model.js';

/** A parser for the configured severities (most severe first); `usage` is shown with the error. */
export const severityParser = (ids: readonly Severity[], usage: string) => wordParser<Severity>(ids, 'severity', usage);
export const parseStatus = wordParser<IncidentStatus>(INCIDENT_STATUSES, 'status', '/incident status <status>');
/** A parser for the configured roles. */
export const roleParser = (ids: readonly IncidentRole[]) => wordParser<IncidentRole>(ids, 'role', '/incident role <role> @person');
export const parseIncidentType = wordParser<IncidentType>(INCIDENT_TYPES, 'incident type', '/incident declare sev2 --type <type> <title>');
