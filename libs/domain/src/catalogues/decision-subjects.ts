/** What a body's decision decides: the acts of the quality cycle that may rest on a decision. */
export const DECISION_SUBJECTS = [
  'leitbild_adoption',
  'goal_definition',
  'goal_review',
  'goal_reorientation',
  'cycle_opening',
  'cycle_phase',
  'other',
] as const;

export type DecisionSubject = (typeof DECISION_SUBJECTS)[number];

/** The kinds of body a network has. */
export const BODY_KINDS = ['plenary', 'steering_group', 'working_group'] as const;

export type BodyKind = (typeof BODY_KINDS)[number];

/** What the handler found about a decision an act names: the decider checks that it fits. */
export interface DecisionFact {
  decisionId: string;
  networkId: string;
  subject: DecisionSubject;
  decidedOn: string;
}
