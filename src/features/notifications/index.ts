/** Legal clocks, regimes, notices and approvals: the feature, its catalog loader and its clock-event reader. */
export { clocksFeature, clocksFeatureFromConfig, clockSettingsFrom, loadClockCatalog, type ClockSettings } from './slack/clocks-module.js';
export { migrations } from './store/migrations.js';
export { clockEventsOf } from './store/clock-repo.js';
