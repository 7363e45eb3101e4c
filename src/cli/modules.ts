import type { WardenConfig } from '../config/index.js';
import type { ModuleFactory } from '../slack/module.js';

/** The capabilities plugged in beyond the incident core, built from the configuration. */
export function wardenModules(_config: WardenConfig): ModuleFactory[] {
  return [];
}
