/** Action items from incidents: owners, due dates, reminders and escalation; they outlive the incident. */
export { actionsSection } from './config/sections.js';
export { actionsFeature, type ActionsOptions } from './slack/actions-feature.js';
export { migrations } from './store/migrations.js';
