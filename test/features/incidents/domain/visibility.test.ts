import { describe, expect, it } from 'vitest';
import { announcedInThread, privateAtDeclaration, visibilityRefusal, visibleTo } from '../../../../src/features/incidents/domain/visibility.js';

const members = new Set(['INC-1:UALICE']);
const isMember = (incidentId: string, userId: string) => members.has(`${incidentId}:${userId}`);

describe('visibleTo', () => {
  it('when the incident is public, then everyone sees it, without asking who is a member', () => {
    const ask = () => {
      throw new Error('asked');
    };
    expect(visibleTo({ id: 'INC-1', private: false }, 'UCAROL', ask)).toBe(true);
  });

  it('when the incident is private, then its members see it and nobody else does', () => {
    expect(visibleTo({ id: 'INC-1', private: true }, 'UALICE', isMember)).toBe(true);
    expect(visibleTo({ id: 'INC-1', private: true }, 'UCAROL', isMember)).toBe(false);
    expect(visibleTo({ id: 'INC-2', private: true }, 'UALICE', isMember)).toBe(false);
  });
});

describe('privateAtDeclaration', () => {
  it('when the declarer chose, then the choice wins over the type', () => {
    expect(privateAtDeclaration('security', 'public', ['security'])).toBe(false);
    expect(privateAtDeclaration('outage', 'private', ['security'])).toBe(true);
  });

  it('when the declarer did not choose, then the configured types decide', () => {
    expect(privateAtDeclaration('privacy', undefined, ['privacy', 'security'])).toBe(true);
    expect(privateAtDeclaration('outage', undefined, ['privacy', 'security'])).toBe(false);
    expect(privateAtDeclaration('security', undefined, [])).toBe(false);
  });
});

describe('visibilityRefusal', () => {
  it('when a public incident has its channel, then becoming private is refused with the reason', () => {
    expect(visibilityRefusal({ id: 'INC-1', private: false, channelId: 'C1' }, 'private')).toContain('Slack does not let an app make a public channel private');
  });

  it('when a public incident has no channel yet, then it may become private', () => {
    expect(visibilityRefusal({ id: 'INC-1', private: false, channelId: null }, 'private')).toBeNull();
  });

  it('when a private incident becomes public, then nothing in the domain refuses it (who may is the use case’s check)', () => {
    expect(visibilityRefusal({ id: 'INC-1', private: true, channelId: 'C1' }, 'public')).toBeNull();
  });

  it('when it already is what was asked, then that is said', () => {
    expect(visibilityRefusal({ id: 'INC-1', private: true, channelId: 'C1' }, 'private')).toBe('INC-1 is already private.');
  });
});

describe('announcedInThread', () => {
  it('when the incident is private, then only status changes reach the announcement thread', () => {
    expect(announcedInThread({ private: true }, 'status_changed')).toBe(true);
    for (const type of ['update', 'severity_changed', 'role_assigned', 'note', 'text']) expect(announcedInThread({ private: true }, type)).toBe(false);
  });

  it('when the incident is public, then everything flagged for the thread goes there', () => {
    expect(announcedInThread({ private: false }, 'update')).toBe(true);
  });
});
