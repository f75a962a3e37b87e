import { formatDate, formatLongDate, formatNumber, formatPercent } from './locale-format';
import { ProgrammeHistory } from './programme-history';
import { DecisionReference, GoalReport, IndicatorReport, ProgressReport } from './progress-report';
import { barChart, escapeXml, progressBar, trendChart } from './svg-charts';
import { ReportLanguage, text } from './texts';

/**
 * One layout of a report, written out by the Markdown and the HTML renderer alike: what a reader sees is
 * decided once, here; the renderers only know their syntax.
 */

/** Text, or text with richer markup for HTML (already escaped, may hold inline SVG). */
export type Inline = string | { text: string; html: string };

export type Block =
  | { type: 'heading'; level: 2 | 3 | 4; text: string }
  | { type: 'paragraph'; text: Inline }
  | { type: 'facts'; rows: [string, Inline][] }
  | { type: 'table'; header: string[]; rows: Inline[][] }
  | { type: 'list'; items: Inline[] }
  | { type: 'quote'; text: string }
  /** HTML shows the chart; Markdown the fallback. */
  | { type: 'chart'; svg: string; fallback: Block };

export interface ReportDocument {
  language: ReportLanguage;
  title: string;
  subtitle: string;
  meta: [string, string][];
  blocks: Block[];
  footer: string;
}

const rich = (plain: string, html: string): Inline => ({ text: plain, html });

export function progressDocument(report: ProgressReport): ReportDocument {
  const language = report.language;
  const t = (key: Parameters<typeof text>[0]) => text(key, language);
  const date = (value: string) => formatDate(value, language);
  const num = (value: number) => formatNumber(value, language);
  const pct = (value: number | null) => (value === null ? t('none') : formatPercent(value, language));
  const blocks: Block[] = [];
  const { summary } = report;

  blocks.push({ type: 'heading', level: 2, text: t('overview') });
  blocks.push({
    type: 'table',
    header: [t('figure'), t('value')],
    rows: [
      [t('goalsInReport'), num(summary.goals)],
      [t('goalsActive'), num(summary.activeGoals)],
      [t('goalsRetired'), num(summary.retiredGoals)],
      [t('goalsReplaced'), num(summary.replacedGoals)],
      [t('averageProgress'), pct(summary.averageProgressPercent)],
      [t('reviewsHeld'), num(summary.reviews)],
      [t('reorientationsDecided'), num(summary.reorientations)],
      [t('decisionsTaken'), num(summary.decisions)],
      [t('meetingsHeld'), num(summary.meetingsHeld)],
      [t('organisationsJoined'), num(summary.organisationsJoined)],
      [t('organisationsLeft'), num(summary.organisationsLeft)],
    ],
  });
  blocks.push({ type: 'heading', level: 3, text: t('statusDistribution') });
  blocks.push({
    type: 'chart',
    svg: barChart(report.statusDistribution, t('statusDistribution')),
    fallback: { type: 'table', header: [t('assessment'), t('count')], rows: report.statusDistribution.map((item) => [item.label, num(item.count)]) },
  });

  blocks.push({ type: 'heading', level: 2, text: t('leitbild') });
  if (report.leitbild) {
    const { leitbild } = report;
    blocks.push({ type: 'quote', text: leitbild.vision });
    blocks.push({
      type: 'facts',
      rows: [
        [t('leitbildVersion'), num(leitbild.version)],
        [t('adoptedOn'), date(leitbild.adoptedOn)],
        ...(leitbild.decision ? ([[t('decision'), decisionText(leitbild.decision, language)]] as [string, Inline][]) : []),
      ],
    });
    if (leitbild.principles.length > 0) {
      blocks.push({ type: 'heading', level: 3, text: t('principles') });
      blocks.push({ type: 'list', items: leitbild.principles.map((principle) => `${principle.key}: ${principle.text}`) });
    }
  } else {
    blocks.push({ type: 'paragraph', text: t('noLeitbild') });
  }

  blocks.push({ type: 'heading', level: 2, text: t('cycles') });
  if (report.cycles.length === 0) blocks.push({ type: 'paragraph', text: t('noCycles') });
  for (const cycle of report.cycles) {
    blocks.push({ type: 'heading', level: 3, text: cycle.title });
    blocks.push({
      type: 'facts',
      rows: [
        [t('cyclePeriod'), `${date(cycle.periodFrom)} – ${date(cycle.periodTo)}`],
        [t('openedOn'), date(cycle.openedOn)],
        [t('status'), cycle.closedOn ? `${cycle.statusAtEnd.label} (${date(cycle.closedOn)})` : cycle.statusAtEnd.label],
        [t('phaseAtEnd'), cycle.phaseAtEnd?.label ?? t('none')],
      ],
    });
    if (cycle.phases.length > 0) {
      blocks.push({
        type: 'table',
        header: [t('phase'), t('enteredOn'), t('phaseInPeriod')],
        rows: cycle.phases.map((phase) => [phase.label, date(phase.enteredOn), phase.inPeriod ? '✓' : '']),
      });
    }
  }

  blocks.push({ type: 'heading', level: 2, text: t('goalsByQualityGoal') });
  blocks.push({
    type: 'table',
    header: [t('qualityGoal'), t('goal'), t('level'), t('status'), t('progress')],
    rows: report.qualityGoals.flatMap((group) =>
      group.goals.length === 0
        ? [[group.label, t('none'), '', '', '']]
        : group.goals.map((goal, index) => [index === 0 ? group.label : '', goal.title, goal.level.label, goal.status.label, progressCell(goal.progressPercent, language)]),
    ),
  });

  blocks.push({ type: 'heading', level: 2, text: t('goalTree') });
  if (report.goals.length === 0) blocks.push({ type: 'paragraph', text: t('noGoals') });
  for (const goal of report.goals) blocks.push(...goalBlocks(goal, report, language));

  blocks.push({ type: 'heading', level: 2, text: t('reviews') });
  if (report.reviews.length === 0) blocks.push({ type: 'paragraph', text: t('noReviews') });
  else
    blocks.push({
      type: 'table',
      header: [t('date'), t('goal'), t('assessment'), t('evidence'), t('decision')],
      rows: report.reviews.map((review) => [date(review.reviewedOn), review.goalTitle, review.assessment.label, review.evidence, decisionCell(review.decision, language)]),
    });

  blocks.push({ type: 'heading', level: 2, text: t('reorientations') });
  if (report.reorientations.length === 0) blocks.push({ type: 'paragraph', text: t('noReorientations') });
  else
    blocks.push({
      type: 'table',
      header: [t('date'), t('goal'), t('reorientation'), t('rationale'), t('changes'), t('decision')],
      rows: report.reorientations.map((act) => [
        date(act.reorientedOn),
        act.goalTitle,
        act.decision.label,
        act.rationale,
        [
          ...act.changes.map((change) => `${change.field.label}: ${change.value}`),
          ...(act.replacement ? [`${t('replacement')}: ${act.replacement.title ?? act.replacement.goalId}`] : []),
        ].join('; ') || t('none'),
        decisionCell(act.bodyDecision, language),
      ]),
    });

  blocks.push({ type: 'heading', level: 2, text: t('decisions') });
  if (report.decisions.length === 0) blocks.push({ type: 'paragraph', text: t('noDecisions') });
  else
    blocks.push({
      type: 'table',
      header: [t('date'), t('body'), t('subject'), t('text')],
      rows: report.decisions.map((decision) => [date(decision.decidedOn), decision.bodyName, decision.subject.label, decision.text]),
    });

  blocks.push({ type: 'heading', level: 2, text: t('meetings') });
  if (report.bodies.length === 0) blocks.push({ type: 'paragraph', text: t('noBodies') });
  else
    blocks.push({
      type: 'table',
      header: [t('body'), t('cadence'), t('cyclePeriod'), t('expected'), t('held'), t('status')],
      rows: report.bodies.map((body) => [
        `${body.name} (${body.kind.label})`,
        num(body.meetingsPerYear),
        `${date(body.windowFrom)} – ${date(body.windowTo)}`,
        num(body.expected),
        num(body.held),
        body.belowCadence ? rich(`⚠ ${t('belowCadence')}`, `<span class="warn">⚠ ${escapeXml(t('belowCadence'))}</span>`) : t('atCadence'),
      ]),
    });

  blocks.push({ type: 'heading', level: 2, text: t('organisations') });
  blocks.push({ type: 'heading', level: 3, text: t('joined') });
  if (report.organisations.joined.length === 0) blocks.push({ type: 'paragraph', text: t('noneJoined') });
  else
    blocks.push({
      type: 'table',
      header: [t('date'), t('organisation'), t('sector')],
      rows: report.organisations.joined.map((organisation) => [date(organisation.joinedOn), organisation.name, organisation.sector.label]),
    });
  blocks.push({ type: 'heading', level: 3, text: t('left') });
  if (report.organisations.left.length === 0) blocks.push({ type: 'paragraph', text: t('noneLeft') });
  else
    blocks.push({
      type: 'table',
      header: [t('date'), t('organisation'), t('sector'), t('reason')],
      rows: report.organisations.left.map((organisation) => [date(organisation.leftOn), organisation.name, organisation.sector.label, organisation.reason ?? t('none')]),
    });

  const landscape = report.offerLandscape;
  blocks.push({ type: 'heading', level: 2, text: t('offerLandscape') });
  blocks.push({
    type: 'facts',
    rows: [
      [t('landscapeOn'), date(landscape.on)],
      [t('offersRunning'), num(landscape.offers)],
      [t('coveredCells'), `${num(landscape.coveredCells)} / ${num(landscape.cells)}`],
    ],
  });
  blocks.push({ type: 'heading', level: 3, text: t('gaps') });
  if (landscape.gaps.length === 0) blocks.push({ type: 'paragraph', text: t('noGaps') });
  else blocks.push({ type: 'table', header: [t('lifePhase'), t('district')], rows: landscape.gaps.map((gap) => [gap.lifePhase.label, gap.district]) });
  blocks.push({ type: 'heading', level: 3, text: t('duplicates') });
  if (landscape.duplicates.length === 0) blocks.push({ type: 'paragraph', text: t('noDuplicates') });
  else
    blocks.push({
      type: 'table',
      header: [t('lifePhase'), t('district'), t('targetGroup'), t('offers')],
      rows: landscape.duplicates.map((duplicate) => [
        duplicate.lifePhase.label,
        duplicate.district,
        duplicate.targetGroup,
        duplicate.offers.map((offer) => (offer.provider ? `${offer.title} (${offer.provider})` : offer.title)).join('; '),
      ]),
    });

  return {
    language,
    title: `${t('progressTitle')}: ${report.network.name}`,
    subtitle: `${t('period')}: ${formatLongDate(report.period.from, language)} – ${formatLongDate(report.period.to, language)}`,
    meta: networkMeta(report.network, language),
    blocks,
    footer: t('footer'),
  };
}

/**
 * A strategic goal with its facts, then one table of its operational goals and one of all their indicators:
 * compact enough that a network with hundreds of goals still prints to a readable length.
 */
function goalBlocks(goal: GoalReport, report: ProgressReport, language: ReportLanguage): Block[] {
  const t = (key: Parameters<typeof text>[0]) => text(key, language);
  const date = (value: string) => formatDate(value, language);
  const status = (item: GoalReport) => (item.endedOn ? `${item.status.label} (${date(item.endedOn)})` : item.status.label);
  const assessment = (item: GoalReport) => (item.lastAssessment ? `${item.lastAssessment.label} (${date(item.lastAssessment.reviewedOn)})` : t('none'));
  const blocks: Block[] = [{ type: 'heading', level: 3, text: `${goal.title} (${goal.level.label})` }];
  const rows: [string, Inline][] = [
    [t('status'), status(goal)],
    [t('lastAssessment'), assessment(goal)],
    [t('progress'), progressCell(goal.progressPercent, language)],
    [t('definedOn'), date(goal.definedOn)],
  ];
  if (goal.qualityGoals.length > 0) rows.push([t('qualityGoals'), goal.qualityGoals.map((tag) => tag.label).join('; ')]);
  if (goal.lifePhase || goal.district) rows.push([`${t('lifePhase')} / ${t('district')}`, [goal.lifePhase?.label, goal.district].filter(Boolean).join(' / ')]);
  blocks.push({ type: 'facts', rows });
  if (goal.children.length > 0) {
    blocks.push({
      type: 'table',
      header: [t('operationalGoal'), t('status'), t('lastAssessment'), t('progress')],
      rows: goal.children.map((child) => [child.title, status(child), assessment(child), progressCell(child.progressPercent, language)]),
    });
  }
  const measured = (goal.level.key === 'operational' ? [goal] : goal.children).filter((item) => item.indicators.length > 0);
  if (measured.length > 0) {
    blocks.push({
      type: 'table',
      header: [t('goal'), t('indicator'), t('baseline'), t('latest'), t('target'), t('progress'), t('trend')],
      rows: measured.flatMap((item) => item.indicators.map((indicator, index) => [index === 0 ? item.title : '', ...indicatorRow(indicator, report, language)])),
    });
  } else if (goal.level.key === 'operational') {
    blocks.push({ type: 'paragraph', text: t('noIndicators') });
  }
  return blocks;
}

function indicatorRow(indicator: IndicatorReport, report: ProgressReport, language: ReportLanguage): Inline[] {
  const num = (value: number) => formatNumber(value, language);
  const latest = indicator.latestValue === null ? '–' : `${num(indicator.latestValue)} (${formatDate(indicator.latestMeasuredOn!, language)})`;
  const course = indicator.points.map((point) => num(point.value)).join(' → ');
  return [
    `${indicator.name} (${indicator.unit})`,
    num(indicator.baseline),
    latest,
    num(indicator.target),
    progressCell(indicator.progressPercent, language),
    rich(`${indicator.trend.label}: ${course}`, `${trendChart(indicator, report.period, language)}<br><span class="small">${escapeXml(indicator.trend.label)}</span>`),
  ];
}

function progressCell(percent: number | null, language: ReportLanguage): Inline {
  const plain = percent === null ? '–' : formatPercent(percent, language);
  return rich(plain, progressBar(percent, language));
}

function decisionText(decision: DecisionReference, language: ReportLanguage): string {
  return `${decision.text} (${decision.bodyName}, ${formatDate(decision.decidedOn, language)})`;
}

function decisionCell(decision: DecisionReference | null, language: ReportLanguage): Inline {
  return decision ? decisionText(decision, language) : text('none', language);
}

function networkMeta(network: { region: string; responsibleBody: string; programme: string | null }, language: ReportLanguage): [string, string][] {
  return [
    [text('region', language), network.region],
    [text('responsibleBody', language), network.responsibleBody],
    ...(network.programme ? ([[text('programme', language), network.programme]] as [string, string][]) : []),
  ];
}

export function historyDocument(history: ProgrammeHistory): ReportDocument {
  const language = history.language;
  const t = (key: Parameters<typeof text>[0]) => text(key, language);
  const blocks: Block[] = [{ type: 'heading', level: 2, text: t('overview') }];
  blocks.push({
    type: 'table',
    header: [t('event'), t('count')],
    rows: history.entries
      .map((entry) => entry.kind)
      .filter((kind, index, kinds) => kinds.findIndex((other) => other.key === kind.key) === index)
      .map((kind) => [kind.label, formatNumber(history.summary[kind.key], language)]),
  });
  blocks.push({ type: 'heading', level: 2, text: t('timeline') });
  if (history.entries.length === 0) blocks.push({ type: 'paragraph', text: t('noEntries') });
  else
    blocks.push({
      type: 'table',
      header: [t('date'), t('event'), t('subjectOf'), t('details'), t('decision')],
      rows: history.entries.map((entry) => {
        const details: string[] = [];
        if (entry.level) details.push(entry.level.label);
        if (entry.phase) details.push(entry.phase.label);
        if (entry.term) details.push(`${t('cyclePeriod')}: ${formatDate(entry.term.from, language)} – ${formatDate(entry.term.to, language)}`);
        if (entry.subject.type === 'leitbild') details.push(`${t('leitbildVersion')} ${entry.subject.id}`);
        if (entry.supersedesVersion !== null) details.push(`${t('supersedes')} ${entry.supersedesVersion}`);
        if (entry.assessment) details.push(`${t('assessment')}: ${entry.assessment.label}`);
        if (entry.evidence) details.push(`${t('evidence')}: ${entry.evidence}`);
        if (entry.rationale) details.push(`${t('rationale')}: ${entry.rationale}`);
        for (const change of entry.changes) details.push(`${change.field.label}: ${change.value}`);
        if (entry.relatedGoal) details.push(`${entry.kind.key === 'goal_defined' ? t('replaces') : t('replacement')}: ${entry.relatedGoal.title ?? entry.relatedGoal.id}`);
        return [formatDate(entry.on, language), entry.kind.label, entry.subject.title, details.join('; '), decisionCell(entry.decision, language)];
      }),
    });
  return {
    language,
    title: `${t('historyTitle')}: ${history.network.name}`,
    subtitle: `${t('period')}: ${formatLongDate(history.period.from, language)} – ${formatLongDate(history.period.to, language)}`,
    meta: networkMeta(history.network, language),
    blocks,
    footer: t('footer'),
  };
}
