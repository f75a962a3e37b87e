import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DecisionRow } from '@kreislauf/read-models';
import { DataSource, In } from 'typeorm';

/** A decision as reads show it where an act names it: which body decided what, when, in both languages. */
export interface DecisionView {
  decisionId: string;
  meetingId: string;
  bodyId: string;
  bodyName: string;
  bodyKind: string;
  decidedOn: string;
  subject: string;
  text: string;
  /** "beschlossen von der Steuerungsgruppe am 10. März 2026" / "decided by the steering group on 10 March 2026". */
  summary: { de: string; en: string };
}

const BY_BODY: Record<string, { de: string; en: string }> = {
  plenary: { de: 'vom Plenum', en: 'the plenary' },
  steering_group: { de: 'von der Steuerungsgruppe', en: 'the steering group' },
  working_group: { de: 'vom Arbeitskreis', en: 'the working group' },
};

const longDate = (locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const GERMAN = longDate('de-DE');
const ENGLISH = longDate('en-GB');

export function decisionView(row: DecisionRow): DecisionView {
  const day = new Date(`${row.decidedOn}T00:00:00Z`);
  const body = BY_BODY[row.bodyKind] ?? { de: `von ${row.bodyName}`, en: row.bodyName };
  return {
    decisionId: row.id,
    meetingId: row.meetingId,
    bodyId: row.bodyId,
    bodyName: row.bodyName,
    bodyKind: row.bodyKind,
    decidedOn: row.decidedOn,
    subject: row.subject,
    text: row.text,
    summary: {
      de: `beschlossen ${body.de} „${row.bodyName}“ am ${GERMAN.format(day)}`,
      en: `decided by ${body.en} “${row.bodyName}” on ${ENGLISH.format(day)}`,
    },
  };
}

/** Looks up the decisions acts name, many at once. */
@Injectable()
export class DecisionViews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byIds(ids: (string | null | undefined)[]): Promise<Map<string, DecisionView>> {
    const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource.manager.findBy(DecisionRow, { id: In(wanted) });
    return new Map(rows.map((row) => [row.id, decisionView(row)]));
  }
}
