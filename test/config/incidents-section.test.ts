import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config/index.js';

describe('warden.yaml incidents.privateTypes', () => {
  it('when the file says nothing, then privacy and security incidents are private', () => {
    expect(defaultConfig().incidents.privateTypes).toEqual(['privacy', 'security']);
  });

  it('when it lists types, then exactly those are private; [] makes none private', () => {
    expect(parseConfig({ incidents: { privateTypes: ['ransomware'] } }).incidents.privateTypes).toEqual(['ransomware']);
    expect(parseConfig({ incidents: { privateTypes: [] } }).incidents.privateTypes).toEqual([]);
  });

  it('when a type is unknown, then the error names the path and the allowed types', () => {
    expect(() => parseConfig({ incidents: { privateTypes: ['volcano'] } } as never, 'w.yaml')).toThrow(
      'w.yaml incidents.privateTypes[0]: expected an incident type: one of security, privacy, outage',
    );
  });

  it('when a type is listed twice or the value is no list, then it is refused clearly', () => {
    expect(() => parseConfig({ incidents: { privateTypes: ['privacy', 'privacy'] } }, 'w.yaml')).toThrow('incidents.privateTypes[1]: incident type "privacy" is listed twice');
    expect(() => parseConfig({ incidents: { privateTypes: 'privacy' } } as never, 'w.yaml')).toThrow('incidents.privateTypes: expected a list of incident types');
    expect(() => parseConfig({ incidents: { private: ['privacy'] } } as never, 'w.yaml')).toThrow('incidents');
  });
});

describe('warden.yaml update reminders', () => {
  it('when the file says nothing, then the commander gets at most 3 in a row and every severity respects quiet hours', () => {
    const config = defaultConfig();
    expect(config.incidents.updateReminders.maxPerUpdate).toBe(3);
    expect(Object.values(config.severities).map((s) => s.ignoreQuietHours)).toEqual([false, false, false, false]);
  });

  it('when a cap and a severity that ignores quiet hours are set, then both are read, in the map and the list form', () => {
    const config = parseConfig({ incidents: { updateReminders: { maxPerUpdate: 5 } }, severities: { sev1: { ignoreQuietHours: true }, sev2: null } });
    expect(config.incidents.updateReminders.maxPerUpdate).toBe(5);
    expect(config.severities.sev1?.ignoreQuietHours).toBe(true);
    expect(config.severities.sev2?.ignoreQuietHours).toBe(false);
    expect(parseConfig({ severities: [{ name: 'sev1', ignoreQuietHours: true }] }).severities.sev1?.ignoreQuietHours).toBe(true);
  });

  it('when a value is wrong, then the error names the path and what is expected', () => {
    expect(() => parseConfig({ incidents: { updateReminders: { maxPerUpdate: -1 } } }, 'w.yaml')).toThrow('w.yaml incidents.updateReminders.maxPerUpdate: expected a whole number from 0 to 100');
    expect(() => parseConfig({ severities: { sev1: { ignoreQuietHours: 'yes' } } } as never, 'w.yaml')).toThrow('w.yaml severities.sev1.ignoreQuietHours: expected true or false');
    expect(() => parseConfig({ incidents: { updateReminders: { max: 2 } } } as never, 'w.yaml')).toThrow('incidents.updateReminders');
  });
});
