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
