import { NetworkNotFound } from '../network/network.errors';
import { OrganisationNotFound } from '../organisation/organisation.errors';
import { specify } from '../testing/decider-specification';
import { BodyMember, ChangeBodyMembers, DissolveBody, EstablishBody, MembershipFacts } from './body.commands';
import { bodyDecider } from './body.decider';
import { BodyAlreadyEstablished, BodyDateTooEarly, BodyIsDissolved, BodyNotFound, InvalidBodyMember, InvalidMeetingCadence } from './body.errors';
import { BodyDissolved, BodyEstablished, BodyMembersChanged } from './body.events';

const networkId = 'n0000000-0000-4000-8000-000000000001';
const bodyId = 'b0000000-0000-4000-8000-000000000001';
const kita = 'o0000000-0000-4000-8000-000000000001';
const jugendamt = 'o0000000-0000-4000-8000-000000000002';
const schule = 'o0000000-0000-4000-8000-000000000003';
const representative = { personId: 'p0000000-0000-4000-8000-000000000001', sealed: 'c2VhbGVk' };

const member = (organisationId: string, withRepresentative = false): BodyMember => ({ organisationId, representative: withRepresentative ? representative : null });
const currentMember = { networkId, joinedOn: '2026-01-01', leftOn: null };
const facts = (organisations: MembershipFacts['organisations'] = {}, registered = true): MembershipFacts => ({
  network: { registered },
  organisations: { [kita]: currentMember, [jugendamt]: currentMember, [schule]: currentMember, ...organisations },
});

const establish = (data: Partial<EstablishBody['data']> = {}, factsGiven = facts()): EstablishBody => ({
  type: 'EstablishBody',
  bodyId,
  data: { networkId, kind: 'steering_group', name: 'Steuerungsgruppe', meetingsPerYear: 5, members: [member(kita, true), member(jugendamt)], establishedOn: '2026-02-01', ...data },
  facts: factsGiven,
});
const change = (members: BodyMember[], changedOn = '2026-05-01', factsGiven = facts()): ChangeBodyMembers => ({
  type: 'ChangeBodyMembers',
  bodyId,
  data: { members, changedOn },
  facts: factsGiven,
});
const dissolve = (dissolvedOn = '2026-10-01'): DissolveBody => ({ type: 'DissolveBody', bodyId, data: { dissolvedOn, reason: 'Auftrag erfüllt' } });

const established: BodyEstablished = { type: 'BodyEstablished', schemaVersion: 1, data: establish().data };
const changed: BodyMembersChanged = { type: 'BodyMembersChanged', schemaVersion: 1, data: change([member(kita), member(schule)]).data };
const dissolved: BodyDissolved = { type: 'BodyDissolved', schemaVersion: 1, data: dissolve().data };

const body = specify(bodyDecider);

describe('body decider', () => {
  describe('establish', () => {
    it('establishes a body with member organisations and their representatives', () => {
      body.given().when(establish()).then([established]);
    });

    it('forms a working group without members yet', () => {
      const data = { kind: 'working_group' as const, name: 'AK Kitas', members: [] };
      body.given().when(establish(data)).then([{ ...established, data: { ...established.data, ...data } }]);
    });

    it('refuses a network that does not exist', () => {
      body.given().when(establish({}, facts({}, false))).thenThrows(NetworkNotFound);
    });

    it('refuses a cadence outside 1 to 52 meetings a year', () => {
      body.given().when(establish({ meetingsPerYear: 0 })).thenThrows(InvalidMeetingCadence, 'body.invalid_cadence');
      body.given().when(establish({ meetingsPerYear: 53 })).thenThrows(InvalidMeetingCadence);
      body.given().when(establish({ meetingsPerYear: 2.5 })).thenThrows(InvalidMeetingCadence);
    });

    it('refuses a member that is not a current member organisation of the network', () => {
      body.given().when(establish({}, facts({ [kita]: { ...currentMember, leftOn: '2026-01-20' } }))).thenThrows(InvalidBodyMember, 'body.invalid_member');
      body.given().when(establish({}, facts({ [kita]: { ...currentMember, joinedOn: '2026-03-01' } }))).thenThrows(InvalidBodyMember);
    });

    it('answers an organisation of another network as one that does not exist', () => {
      body.given().when(establish({}, facts({ [kita]: null }))).thenThrows(OrganisationNotFound, 'organisation.not_found');
      body.given().when(establish({}, facts({ [kita]: { ...currentMember, networkId: 'other' } }))).thenThrows(OrganisationNotFound);
    });

    it('refuses an organisation named twice', () => {
      body.given().when(establish({ members: [member(kita), member(kita, true)] })).thenThrows(InvalidBodyMember);
    });

    it('refuses to establish a body twice', () => {
      body.given(established).when(establish()).thenThrows(BodyAlreadyEstablished, 'body.already_established');
    });
  });

  describe('change members', () => {
    it('replaces the member list', () => {
      body.given(established).when(change([member(kita), member(schule)])).then([changed]);
    });

    it('refuses a body that does not exist', () => {
      body.given().when(change([member(kita)])).thenThrows(BodyNotFound, 'body.not_found');
    });

    it('refuses the same member checks as establishing', () => {
      body.given(established).when(change([member(kita), member(kita)])).thenThrows(InvalidBodyMember);
      body.given(established).when(change([member(schule)], '2026-05-01', facts({ [schule]: { ...currentMember, leftOn: '2026-04-01' } }))).thenThrows(InvalidBodyMember);
      body.given(established).when(change([member(schule)], '2026-05-01', facts({ [schule]: null }))).thenThrows(OrganisationNotFound);
    });

    it('refuses a date before the last step', () => {
      body.given(established).when(change([member(kita)], '2026-01-31')).thenThrows(BodyDateTooEarly, 'body.date_too_early');
    });

    it('refuses a dissolved body', () => {
      body.given(established, dissolved).when(change([member(kita)], '2026-11-01')).thenThrows(BodyIsDissolved, 'body.dissolved');
    });
  });

  describe('dissolve', () => {
    it('dissolves a body with a reason', () => {
      body.given(established, changed).when(dissolve()).then([dissolved]);
    });

    it('refuses to dissolve twice', () => {
      body.given(established, dissolved).when(dissolve('2026-11-01')).thenThrows(BodyIsDissolved);
    });

    it('refuses a date before the last step', () => {
      body.given(established, changed).when(dissolve('2026-04-30')).thenThrows(BodyDateTooEarly);
    });

    it('refuses a body that does not exist', () => {
      body.given().when(dissolve()).thenThrows(BodyNotFound);
    });
  });
});
