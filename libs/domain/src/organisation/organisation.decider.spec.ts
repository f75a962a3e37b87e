import { NetworkNotFound } from '../network/network.errors';
import { specify } from '../testing/decider-specification';
import { DescribeOrganisation, JoinOrganisation, LeaveOrganisation, OrganisationDescription } from './organisation.commands';
import { organisationDecider } from './organisation.decider';
import { OrganisationAlreadyJoined, OrganisationDateTooEarly, OrganisationHasLeft, OrganisationNotFound, UnknownSector } from './organisation.errors';
import { OrganisationDescribed, OrganisationJoined, OrganisationLeft } from './organisation.events';

const networkId = 'n0000000-0000-4000-8000-000000000001';
const organisationId = 'o0000000-0000-4000-8000-000000000001';
const contactPerson = { personId: 'p0000000-0000-4000-8000-000000000001', sealed: 'c2VhbGVk' };

const description: OrganisationDescription = {
  name: 'Familienzentrum Vingst',
  sector: 'day_care',
  namedInKkg: true,
  tasks: 'Betreuung und Familienberatung',
  mandates: 'SGB VIII § 22',
  roles: 'Anlaufstelle im Quartier',
  resources: 'Zwei Fachkräfte, ein Elterncafé',
  limits: '',
  contactPerson,
};
const join = (data: Partial<JoinOrganisation['data']> = {}, registered = true): JoinOrganisation => ({
  type: 'JoinOrganisation',
  organisationId,
  data: { ...description, networkId, joinedOn: '2026-01-10', ...data },
  facts: { network: { registered } },
});
const describe_ = (data: Partial<DescribeOrganisation['data']> = {}): DescribeOrganisation => ({
  type: 'DescribeOrganisation',
  organisationId,
  data: { ...description, tasks: 'Betreuung, Beratung und Sprachförderung', describedOn: '2026-03-01', ...data },
});
const leave = (leftOn = '2026-06-30'): LeaveOrganisation => ({ type: 'LeaveOrganisation', organisationId, data: { leftOn, reason: 'Träger aufgelöst' } });

const joined: OrganisationJoined = { type: 'OrganisationJoined', schemaVersion: 1, data: join().data };
const described: OrganisationDescribed = { type: 'OrganisationDescribed', schemaVersion: 1, data: describe_().data };
const left: OrganisationLeft = { type: 'OrganisationLeft', schemaVersion: 1, data: leave().data };

const organisation = specify(organisationDecider);

describe('organisation decider', () => {
  describe('join', () => {
    it('joins a network with its description and a sealed contact person', () => {
      organisation.given().when(join()).then([joined]);
    });

    it('joins without a contact person', () => {
      organisation.given().when(join({ contactPerson: null })).then([{ ...joined, data: { ...joined.data, contactPerson: null } }]);
    });

    it('refuses a network that does not exist', () => {
      organisation.given().when(join({}, false)).thenThrows(NetworkNotFound, 'network.not_found');
    });

    it('refuses a sector outside the catalogue', () => {
      organisation.given().when(join({ sector: 'space_travel' as never })).thenThrows(UnknownSector, 'organisation.unknown_sector');
    });

    it('refuses to join twice', () => {
      organisation.given(joined).when(join()).thenThrows(OrganisationAlreadyJoined, 'organisation.already_joined');
    });
  });

  describe('describe', () => {
    it('describes a member organisation anew', () => {
      organisation.given(joined).when(describe_()).then([described]);
    });

    it('accepts a description dated on the day of joining', () => {
      organisation.given(joined).when(describe_({ describedOn: '2026-01-10' })).then([{ ...described, data: { ...described.data, describedOn: '2026-01-10' } }]);
    });

    it('refuses an organisation that never joined', () => {
      organisation.given().when(describe_()).thenThrows(OrganisationNotFound, 'organisation.not_found');
    });

    it('refuses a description dated before joining', () => {
      organisation.given(joined).when(describe_({ describedOn: '2026-01-09' })).thenThrows(OrganisationDateTooEarly, 'organisation.date_too_early');
    });

    it('refuses a sector outside the catalogue', () => {
      organisation.given(joined).when(describe_({ sector: 'nope' as never })).thenThrows(UnknownSector);
    });

    it('refuses a description after leaving', () => {
      organisation.given(joined, left).when(describe_({ describedOn: '2026-07-01' })).thenThrows(OrganisationHasLeft, 'organisation.has_left');
    });
  });

  describe('leave', () => {
    it('leaves the network with a reason', () => {
      organisation.given(joined, described).when(leave()).then([left]);
    });

    it('refuses to leave twice', () => {
      organisation.given(joined, left).when(leave('2026-07-01')).thenThrows(OrganisationHasLeft);
    });

    it('refuses a date before the last step', () => {
      organisation.given(joined).when(leave('2026-01-09')).thenThrows(OrganisationDateTooEarly);
      organisation.given(joined, described).when(leave('2026-02-28')).thenThrows(OrganisationDateTooEarly);
    });

    it('refuses an organisation that never joined', () => {
      organisation.given().when(leave()).thenThrows(OrganisationNotFound);
    });
  });
});
