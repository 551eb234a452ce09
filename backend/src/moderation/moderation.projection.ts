import type { ReportReason } from '@decidimos/contracts';
import { projectionOf } from '../projections/projection';
import { forgetDetails } from './report-details';

/** Per proposal with any moderation: its open reports, and whether it is hidden. */
export const MODERATION_QUEUE = 'moderation-queue';

export interface ModerationQueueDoc {
  /** The proposal id. */
  id: string;
  editionId: string;
  reports: { id: string; reason: ReportReason; at: string }[];
  hidden: boolean;
  /** In the queue: reports are open, or it is hidden (a moderator may restore it). */
  open: boolean;
  /** When the oldest open report came, or when it was hidden: the queue's order. */
  since: string;
}

export const moderationProjection = projectionOf({
  name: 'moderation',
  collections: [MODERATION_QUEUE],
  eventTypes: ['ProposalReported', 'ProposalHidden', 'ProposalRestored', 'ProposalRedacted', 'ReportsDismissed'],
  async apply(event, store) {
    const queue = store.collection<ModerationQueueDoc>(MODERATION_QUEUE);
    switch (event.type) {
      case 'ProposalReported': {
        const { editionId, proposalId, reportId, reason } = event.data;
        const doc = (await queue.get(proposalId)) ?? {
          id: proposalId,
          editionId,
          reports: [],
          hidden: false,
          open: false,
          since: event.recordedAt,
        };
        const since = doc.open ? doc.since : event.recordedAt;
        const reports = [...doc.reports, { id: reportId, reason, at: event.recordedAt }];
        await queue.upsert(proposalId, { ...doc, reports, open: true, since }, { position: event.position });
        return;
      }
      case 'ProposalHidden':
      case 'ProposalRestored':
      case 'ProposalRedacted':
      case 'ReportsDismissed': {
        const { editionId, proposalId } = event.data;
        const doc = await queue.get(proposalId);
        // The action answers every open report: their details are no longer needed, so they go.
        await forgetDetails(store, doc?.reports.map((r) => r.id) ?? []);
        const hidden = event.type === 'ProposalHidden' || (event.type !== 'ProposalRestored' && (doc?.hidden ?? false));
        await queue.upsert(
          proposalId,
          { id: proposalId, editionId, reports: [], hidden, open: hidden, since: event.recordedAt },
          { position: event.position },
        );
        return;
      }
      default:
        return;
    }
  },
});
