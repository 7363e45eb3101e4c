import { describe, expect, it } from 'vitest';
import { claimedWorkspace, isOwnWorkspace } from '../../../../src/adapters/slack/inbound/workspace-claim.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

describe('claimedWorkspace', () => {
  it('reads an Events API body from authorizations first, as Bolt does, then from the top-level team_id', () => {
    const orgWide = { type: 'event_callback', team_id: 'T111', authorizations: [{ enterprise_id: 'E324567', team_id: 'T423567', is_enterprise_install: true }] };
    expect(claimedWorkspace(JSON.stringify(orgWide), JSON_TYPE)).toEqual({ teamId: 'T423567', enterpriseId: 'E324567', enterpriseInstall: true });
    expect(claimedWorkspace(JSON.stringify({ type: 'app_rate_limited', team_id: 'T111' }), JSON_TYPE)).toEqual({ teamId: 'T111', enterpriseId: null, enterpriseInstall: false });
  });

  it('names no workspace for url_verification, and an empty claim for a body that is not JSON', () => {
    expect(claimedWorkspace(JSON.stringify({ type: 'url_verification', challenge: 'x' }), JSON_TYPE)).toBe('none');
    expect(claimedWorkspace('{not json', JSON_TYPE)).toEqual({ teamId: null, enterpriseId: null, enterpriseInstall: false });
    expect(claimedWorkspace(`payload=${encodeURIComponent('[1,')}`, FORM)).toEqual({ teamId: null, enterpriseId: null, enterpriseInstall: false });
  });
});

describe('isOwnWorkspace', () => {
  const claim = (teamId: string | null, enterpriseId: string | null = null, enterpriseInstall = false) => ({ teamId, enterpriseId, enterpriseInstall });

  it('a workspace install accepts its own team only; a claim naming no team is never its own', () => {
    expect(isOwnWorkspace({ teamId: 'T1' }, claim('T1'))).toBe(true);
    expect(isOwnWorkspace({ teamId: 'T1' }, claim('T2'))).toBe(false);
    expect(isOwnWorkspace({ teamId: 'T1' }, claim(null, 'E1', true))).toBe(false);
  });

  it('a Grid install refuses another org even for its own team id, and accepts an org-wide request from any of its workspaces', () => {
    const own = { teamId: 'T1', enterpriseId: 'E1' };
    expect(isOwnWorkspace(own, claim('T1', 'E2'))).toBe(false);
    expect(isOwnWorkspace(own, claim(null, 'E1', true))).toBe(true);
    expect(isOwnWorkspace(own, claim('T9', 'E1', false))).toBe(false);
  });
});
