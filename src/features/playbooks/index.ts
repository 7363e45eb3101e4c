/** Playbooks: the feature, the settings it reads from warden.yaml, and its playbook files' loader. */
export { playbooksFeature, type PlaybookModuleOptions } from './slack/playbook-module.js';
export { migrations } from './store/migrations.js';
export { PLAYBOOK_JOB_KINDS, noClockEvents, type ClockEventsPort, type NagSettings, type PlaybookDeps } from './app/deps.js';
export { checkPlaybookFiles, listPlaybookFiles, loadPlaybooks } from './files/load-playbooks.js';
export type { Playbook } from './domain/model.js';
export { nagsSection, playbooksSection, quietHoursSection } from './config/sections.js';
export { checklistReaderOf } from './slack/checklist-reader.js';
export type { ChecklistModel, ChecklistStep } from './domain/checklist-model.js';
