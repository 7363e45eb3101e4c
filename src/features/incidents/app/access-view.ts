import type { IncidentView } from '../../access/index.js';
import { commanderOf, type Incident } from '../domain/incident.js';

/**
 * The incident as a permission check sees it. `member` is true for a request made in the incident's channel
 * (Slack lets only members type or click there) and for a recorded member.
 */
export const accessView = (incident: Incident, member = true): IncidentView => ({ id: incident.id, commander: commanderOf(incident), member });
