import { describe, expect, it } from 'vitest';
import { checkConfigText, defaultConfig } from '../../src/config/load-config.js';
import { formatProblem } from '../../src/platform/yaml-validate.js';

const problemsOf = (lines: string[]): string[] => checkConfigText(lines.join('\n'), 'warden.yaml').map(formatProblem);
const EXPECTED = 'expected a whole number from 1 to 100000';

describe('warden.yaml limits', () => {
  it('when limits are not set, then a person gets 20 commands a minute with a burst of 10, and the workspace 300', () => {
    expect(defaultConfig().limits).toEqual({ commandsPerUserPerMinute: 20, commandBurstPerUser: 10, commandsPerWorkspacePerMinute: 300 });
  });

  it('when a limit is negative or zero, then the problem names its key and line', () => {
    expect(problemsOf(['limits:', '  commandsPerUserPerMinute: -5'])).toEqual([`warden.yaml:2 limits.commandsPerUserPerMinute: ${EXPECTED}`]);
    expect(problemsOf(['limits:', '  commandBurstPerUser: 0'])).toEqual([`warden.yaml:2 limits.commandBurstPerUser: ${EXPECTED}`]);
  });

  it('when a limit is not a number or not whole, then it says a whole number is expected', () => {
    expect(problemsOf(['limits:', '  commandsPerWorkspacePerMinute: lots'])).toEqual([`warden.yaml:2 limits.commandsPerWorkspacePerMinute: ${EXPECTED}`]);
    expect(problemsOf(['limits:', '  commandsPerUserPerMinute: 2.5'])).toEqual([`warden.yaml:2 limits.commandsPerUserPerMinute: ${EXPECTED}`]);
  });

  it('when a limit key is misspelt, then it is named', () => {
    expect(problemsOf(['limits:', '  commandsPerUser: 5'])).toEqual(['warden.yaml:2 limits: unknown key "commandsPerUser"']);
  });
});
