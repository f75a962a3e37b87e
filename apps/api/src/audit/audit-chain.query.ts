import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NetworkNotFound } from '@kreislauf/domain';
import { BrokenLink, describeBrokenLink, EVENT_STORE, EventStore, verifyChains } from '@kreislauf/event-store';
import { AuditChainVerificationDto, BrokenLinkDto } from './audit-chain.dto';

/** Verifies the hash chains of a network's streams in the event store itself (not a read model). */
export class VerifyAuditChain extends Query<AuditChainVerificationDto> {
  constructor(readonly networkId: string) {
    super();
  }
}

@QueryHandler(VerifyAuditChain)
export class VerifyAuditChainHandler implements IQueryHandler<VerifyAuditChain, AuditChainVerificationDto> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ networkId }: VerifyAuditChain): Promise<AuditChainVerificationDto> {
    const report = await verifyChains(this.store, { networkId });
    // Every network has its registration event: none at all means there is no such network.
    if (report.checkedEvents === 0 && report.ok) throw new NetworkNotFound(networkId);
    const counts = { de: `${report.checkedEvents} Ereignisse in ${report.checkedStreams} Streams`, en: `${report.checkedEvents} events in ${report.checkedStreams} streams` };
    const first = report.firstBrokenLink ? describeBrokenLink(report.firstBrokenLink) : null;
    return {
      networkId,
      ok: report.ok,
      checkedEvents: report.checkedEvents,
      checkedStreams: report.checkedStreams,
      brokenStreams: report.brokenStreams,
      firstBrokenLink: report.firstBrokenLink ? withSummary(report.firstBrokenLink) : null,
      brokenLinks: report.brokenLinks.map(withSummary),
      streamEndsChecked: report.streamEndsChecked,
      verifiedAt: new Date().toISOString(),
      summary: first
        ? { de: `Hash-Kette gebrochen (${counts.de} geprüft). Erste Bruchstelle: ${first.de}`, en: `Hash chain broken (${counts.en} checked). First broken link: ${first.en}` }
        : { de: `Alle Hash-Ketten sind unversehrt: ${counts.de} geprüft.`, en: `Every hash chain is intact: ${counts.en} checked.` },
    };
  }
}

function withSummary(link: BrokenLink): BrokenLinkDto {
  return { ...link, summary: describeBrokenLink(link) };
}
