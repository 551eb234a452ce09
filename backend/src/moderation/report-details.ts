import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';

/**
 * What a resident wrote in a report beyond its reason: personal text, so outside the log,
 * by report id. No projection owns this collection, so no rebuild clears it; the queue's
 * projection deletes a report's details once a moderator has acted on its proposal.
 */
export const REPORT_DETAILS = 'report-details';

export interface ReportDetailsDoc {
  id: string;
  details: string;
}

@Injectable()
export class ReportDetails {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  /** Written before the report is appended, so every open report finds its details; an unused row is harmless. */
  async keep(reportId: string, details: string): Promise<void> {
    await this.store.collection<ReportDetailsDoc>(REPORT_DETAILS).upsert(reportId, { id: reportId, details });
  }

  async forget(reportId: string): Promise<void> {
    await this.store.collection<ReportDetailsDoc>(REPORT_DETAILS).delete(reportId);
  }

  async of(reportIds: string[]): Promise<Map<string, string>> {
    if (reportIds.length === 0) return new Map();
    const { items } = await this.store
      .collection<ReportDetailsDoc>(REPORT_DETAILS)
      .find({ filter: { id: { in: reportIds } }, limit: reportIds.length });
    return new Map(items.map((doc) => [doc.id, doc.details]));
  }
}

/** Forgets the details of reports a moderator has answered. Repeating it changes nothing. */
export async function forgetDetails(store: ReadModelStore, reportIds: string[]): Promise<void> {
  const details = store.collection<ReportDetailsDoc>(REPORT_DETAILS);
  for (const id of reportIds) await details.delete(id);
}
