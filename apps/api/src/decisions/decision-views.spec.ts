import { DecisionRow } from '@kreislauf/read-models';
import { decisionView } from './decision-views';

describe('decisionView', () => {
  const row = Object.assign(new DecisionRow(), {
    id: 'd1',
    networkId: 'n1',
    meetingId: 'm1',
    bodyId: 'b1',
    bodyName: 'Steuerungsgruppe Kalk',
    bodyKind: 'steering_group',
    decidedOn: '2026-03-10',
    text: 'Das Ziel wird angepasst.',
    subject: 'goal_reorientation',
  });

  it('says who decided and when, in German and English', () => {
    expect(decisionView(row).summary).toEqual({
      de: 'beschlossen von der Steuerungsgruppe „Steuerungsgruppe Kalk“ am 10. März 2026',
      en: 'decided by the steering group “Steuerungsgruppe Kalk” on 10 March 2026',
    });
  });

  it('names the plenary and working groups as such', () => {
    expect(decisionView({ ...row, bodyKind: 'plenary', bodyName: 'Plenum' }).summary.de).toBe('beschlossen vom Plenum „Plenum“ am 10. März 2026');
    expect(decisionView({ ...row, bodyKind: 'working_group', bodyName: 'Arbeitskreis Kitas' }).summary.en).toBe('decided by the working group “Arbeitskreis Kitas” on 10 March 2026');
  });
});
