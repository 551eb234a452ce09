import { type SigningKey, type TreeHead, headReason, publicKeyOf, signTreeHead, toHex } from '@decidimos/contracts';
import type { EventStore } from '../event-store/event-store.port';
import type { Projection } from '../projections/projection';
import type { ReadModelStore } from '../read-models/read-model.port';
import { handleCommand } from '../shared/command-handling';
import { decodeEvent, type StoredEvent } from '../shared/event-envelope';
import { eventIdsFrom } from '../shared/event-sourcing.service';
import { AUDIT_LEAVES, type AuditLeafDoc, storedTree } from './audit-log.projection';
import { treeHeadDecider } from './domain/tree-head.decider';
import { auditStream } from './streams';

/** The signed heads recorded so far in an edition's audit stream, oldest first. */
export async function recordedHeads(events: EventStore, editionId: string): Promise<StoredEvent[]> {
  return (await events.readStream(auditStream(editionId))).map(decodeEvent).filter((e) => e.type === 'TreeHeadSigned');
}

/**
 * Signs a tree head after each phase change and tally (`headReason`, the rule auditors
 * check) and records it as a TreeHeadSigned event in the edition's audit stream.
 *
 * Why an event rather than a signature kept in a read model: a rebuild must not sign again
 * (a new key or clock would change heads auditors already hold), and the export alone must
 * carry every head. A head covers the log up to and including the event that caused it;
 * its TreeHeadSigned event is a later leaf, so each head is covered by the next one and
 * none covers itself.
 *
 * It runs as the last projection, once the audit log has taken the event in, but is not in
 * `allProjections`, so rebuilding the read models never signs. Everything it signs follows
 * from the log (the timestamp is the causing event's) and the event id from edition and
 * size, so a repeat after a crash, or a second replica, records each head once. It returns
 * the position it appended at, so the command that changed the phase answers only once
 * the head is in.
 */
export function treeHeadSigner(events: EventStore, privateKey: string): Projection {
  const key: SigningKey = { privateKey, publicKey: publicKeyOf(privateKey) };
  return {
    name: 'tree-head-signer',
    collections: [],
    async apply(event, store) {
      const reason = headReason(event);
      if (reason === null) return;
      const editionId = (event.data as { editionId: string }).editionId;
      const leaf = await store.collection<AuditLeafDoc>(AUDIT_LEAVES).get(event.id);
      if (!leaf) throw new Error(`the audit log has not taken in event ${event.id} yet`);
      return signOnce(events, store, key, editionId, {
        editionId,
        treeSize: leaf.index + 1,
        timestamp: event.recordedAt,
        reason,
      });
    },
  };
}

export async function signOnce(
  events: EventStore,
  store: ReadModelStore,
  key: SigningKey,
  editionId: string,
  unsigned: Omit<TreeHead, 'rootHash' | 'keyId' | 'signature'>,
): Promise<{ appended: number } | undefined> {
  const stream = auditStream(editionId);
  const rootHash = toHex(await (await storedTree(store, editionId)).root(unsigned.treeSize));
  const head = signTreeHead({ ...unsigned, rootHash }, key.privateKey);
  // Replicas race only on the rare phase change; losing means re-reading and finding the head signed.
  const { position } = await handleCommand(
    events,
    stream,
    treeHeadDecider,
    { type: 'RecordTreeHead', head, publicKey: key.publicKey },
    { eventId: eventIdsFrom(`${stream}:${unsigned.treeSize}`)!, retries: 100 },
  );
  return position > 0 ? { appended: position } : undefined;
}
