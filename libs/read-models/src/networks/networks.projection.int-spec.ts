import { randomUUID } from 'node:crypto';
import { EventHistory } from '../testing/event-history';
import { kreisViersenHistory } from '../testing/kreis-viersen.history';
import { projectionTestBed, rowsOf } from '../testing/read-model-database';
import { REPLAYS } from '../testing/replays';
import { CycleRow, LeitbildVersionRow, NetworkRoleRow, NetworkRow } from './network.entities';
import { NetworksProjection } from './networks.projection';

describe('NetworksProjection', () => {
  const projection = new NetworksProjection();
  const bed = projectionTestBed(projection);
  const { project } = bed;

  const networkRow = (id: string) => bed.dataSource.manager.findOneByOrFail(NetworkRow, { id });
  const cycleRow = (id: string) => bed.dataSource.manager.findOneByOrFail(CycleRow, { id });

  async function tableRows() {
    return { networks: await rowsOf(bed.dataSource, 'rm_networks'), cycles: await rowsOf(bed.dataSource, 'rm_cycles'), roles: await rowsOf(bed.dataSource, 'rm_network_roles') };
  }

  describe('applied again', () => {
    const { history, ids } = kreisViersenHistory();
    const viersen = ids.network;
    const events = history
      .grantRole(viersen, 'u-anna', 'steering', '2026-01-10')
      .grantRole(viersen, 'u-ben', 'funder', '2026-01-10')
      .revokeRole(viersen, 'u-anna', 'steering', '2026-02-01')
      .grantRole(viersen, 'u-anna', 'coordinator', '2026-02-01')
      .storedEvents();

    it.each(REPLAYS)('%s leaves the rows of applying every event once', async (_, batchesOf) => {
      // given the rows after every event once
      await project(events);
      const once = await tableRows();
      await bed.dataSource.query(`TRUNCATE ${projection.tables.join(', ')}`);

      // when the events are applied again
      await project(...batchesOf(events));

      // then the rows are the same
      expect(await tableRows()).toEqual(once);
    });
  });

  const networkId = randomUUID();
  const firstCycle = randomUUID();
  const secondCycle = randomUUID();
  const registered = () => new EventHistory().registerNetwork(networkId, { municipalities: ['Brüggen', 'Grefrath'], registeredOn: '2016-01-01' });

  it('registers a network without an open cycle', async () => {
    await project(registered().storedEvents());

    expect(await networkRow(networkId)).toEqual({
      id: networkId,
      name: 'Netzwerk Frühe Hilfen Kreis Viersen',
      region: 'Kreis Viersen',
      responsibleBody: 'Kreisjugendamt Viersen',
      municipalities: ['Brüggen', 'Grefrath'],
      programme: 'kinderstark – NRW schafft Chancen',
      registeredOn: '2016-01-01',
      openCycleId: null,
      version: 0,
    });
  });

  it('opens a cycle: it becomes the open one, in no phase yet', async () => {
    await project(registered().openCycle(networkId, firstCycle, { title: 'Qualitätskreislauf 2026', openedOn: '2026-01-15' }).storedEvents());

    expect(await networkRow(networkId)).toMatchObject({ openCycleId: firstCycle, version: 1 });
    expect(await cycleRow(firstCycle)).toEqual({
      id: firstCycle,
      networkId,
      title: 'Qualitätskreislauf 2026',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      openedOn: '2026-01-15',
      status: 'open',
      currentPhase: null,
      phases: [],
      closedOn: null,
    });
  });

  it('follows the phases: the current one is the last entered, all are listed with their dates', async () => {
    // given an open cycle, when it enters two phases (in separate batches)
    const events = registered()
      .openCycle(networkId, firstCycle)
      .enterPhase(networkId, firstCycle, 'leitbild', '2026-01-20')
      .adoptLeitbild(networkId, '2026-02-20')
      .enterPhase(networkId, firstCycle, 'steering', '2026-03-01')
      .storedEvents();
    await project(events.slice(0, 3), events.slice(3));

    // then
    expect(await cycleRow(firstCycle)).toMatchObject({
      status: 'open',
      currentPhase: 'steering',
      phases: [
        { phase: 'leitbild', enteredOn: '2026-01-20' },
        { phase: 'steering', enteredOn: '2026-03-01' },
      ],
    });
    expect(await networkRow(networkId)).toMatchObject({ openCycleId: firstCycle, version: 5 });
  });

  it('keeps every Leitbild version: a draft, the one in force with its decision, and the one it superseded', async () => {
    // given a first version adopted, and a revision adopted a year later
    await project(
      registered()
        .adoptLeitbild(networkId, '2025-02-20')
        .adoptLeitbild(networkId, '2026-02-20', [{ key: 'P1', text: 'Familien wirken mit.' }, { key: 'P2', text: 'Übergänge gelingen.' }])
        .network({ type: 'DraftLeitbild', networkId, data: { vision: 'Entwurf 2027', principles: [{ key: 'P1', text: 'x' }], draftedOn: '2026-11-01' } })
        .storedEvents(),
    );

    // then
    const versions = await bed.dataSource.manager.find(LeitbildVersionRow, { where: { networkId }, order: { version: 'ASC' } });
    expect(versions.map(({ version, revisesVersion, status, adoptedOn, supersededOn, principles }) => ({ version, revisesVersion, status, adoptedOn, supersededOn, keys: principles.map((p) => p.key) }))).toEqual([
      { version: 1, revisesVersion: null, status: 'superseded', adoptedOn: '2025-02-20', supersededOn: '2026-02-20', keys: ['P1'] },
      { version: 2, revisesVersion: 1, status: 'in_force', adoptedOn: '2026-02-20', supersededOn: null, keys: ['P1', 'P2'] },
      { version: 3, revisesVersion: 2, status: 'draft', adoptedOn: null, supersededOn: null, keys: ['P1'] },
    ]);
    expect(versions[1].decisionId).toEqual(expect.any(String));
  });

  it('closes a cycle: the network has no open cycle until the next opens', async () => {
    // given a cycle walked through to reflection and closed
    const closed = registered()
      .openCycle(networkId, firstCycle, { periodFrom: '2025-01-01', periodTo: '2025-12-31', openedOn: '2025-01-10' })
      .enterPhase(networkId, firstCycle, 'leitbild', '2025-01-20')
      .adoptLeitbild(networkId, '2025-02-20')
      .enterPhase(networkId, firstCycle, 'steering', '2025-03-01')
      .enterPhase(networkId, firstCycle, 'concretisation', '2025-05-01')
      .enterPhase(networkId, firstCycle, 'reflection', '2025-10-01')
      .closeCycle(networkId, firstCycle, '2025-12-15');

    // when it is projected
    await project(closed.storedEvents());

    // then the cycle is closed in its last phase, and the network has no open cycle
    expect(await cycleRow(firstCycle)).toMatchObject({ status: 'closed', closedOn: '2025-12-15', currentPhase: 'reflection' });
    expect(await networkRow(networkId)).toMatchObject({ openCycleId: null, version: 8 });

    // when the next cycle opens
    await bed.dataSource.query(`TRUNCATE ${projection.tables.join(', ')}`);
    await project(closed.openCycle(networkId, secondCycle).storedEvents());

    // then it is the open one, and the first stays closed
    expect(await networkRow(networkId)).toMatchObject({ openCycleId: secondCycle, version: 9 });
    expect(await cycleRow(secondCycle)).toMatchObject({ status: 'open', currentPhase: null, networkId });
    expect(await cycleRow(firstCycle)).toMatchObject({ status: 'closed' });
  });

  it('keeps networks in one batch apart', async () => {
    // given two networks registered and each opening a cycle, in one batch
    const otherNetwork = randomUUID();
    const events = registered()
      .registerNetwork(otherNetwork, { name: 'Präventionsnetz Krefeld', region: 'Krefeld' })
      .openCycle(otherNetwork, secondCycle)
      .openCycle(networkId, firstCycle)
      .enterPhase(otherNetwork, secondCycle, 'leitbild', '2026-02-01')
      .storedEvents();

    // when
    await project(events);

    // then
    expect(await networkRow(networkId)).toMatchObject({ openCycleId: firstCycle, version: 1 });
    expect(await networkRow(otherNetwork)).toMatchObject({ name: 'Präventionsnetz Krefeld', openCycleId: secondCycle, version: 2 });
    expect(await cycleRow(firstCycle)).toMatchObject({ networkId, currentPhase: null });
    expect(await cycleRow(secondCycle)).toMatchObject({ networkId: otherNetwork, currentPhase: 'leitbild' });
  });

  it('ignores goal events', async () => {
    const { history } = kreisViersenHistory();
    const goalEvents = history.storedEvents().filter((event) => event.streamId.startsWith('goal-'));

    await project(goalEvents);

    expect(await tableRows()).toEqual({ networks: [], cycles: [], roles: [] });
  });

  it('lists granted roles and forgets revoked ones', async () => {
    // given grants and a revocation
    const roles = registered()
      .grantRole(networkId, 'u-anna', 'steering', '2026-01-10')
      .grantRole(networkId, 'u-ben', 'funder', '2026-01-11')
      .revokeRole(networkId, 'u-anna', 'steering', '2026-02-01');

    // when they are projected, one event per batch
    await project(...roles.storedEvents().map((event) => [event]));

    // then only the standing grant is listed
    expect(await bed.dataSource.manager.find(NetworkRoleRow, { where: { networkId } })).toEqual([
      expect.objectContaining({ userId: 'u-ben', role: 'funder', grantedOn: '2026-01-11' }),
    ]);
  });
});

