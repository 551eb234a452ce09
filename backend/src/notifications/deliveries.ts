import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  Notification,
  NotificationChannel,
  NotificationKind,
  NotificationParams,
  NotificationSubject,
} from '@decidimos/contracts';
import { DuplicateKeyError, READ_MODEL_STORE, type Filter, type ReadModelStore } from '../read-models/read-model.port';

/** In-app notifications, one document per (cause, recipient): the notification centre reads them. */
export const INBOX = 'notifications';
/** E-mails waiting to be sent or retried, with their attempts; the dispatcher works through them. */
export const OUTBOX = 'notification-outbox';
/**
 * The sent-log: one row per attempt at a delivery, whose unique `claim` (delivery id and
 * attempt number) lets one instance only make that attempt, across restarts and replicas.
 */
export const SENT_LOG = 'notification-sent-log';

/** One message for one recipient on one channel, derived from an event (or a reminder's moment). */
export interface Delivery {
  id: string;
  recipient: string;
  channel: NotificationChannel;
  kind: NotificationKind;
  notice: NotificationSubject;
  params: NotificationParams;
  createdAt: string;
}

interface InboxDoc extends Notification {
  recipient: string;
}

export interface OutboxDoc extends Delivery {
  state: 'pending' | 'sent' | 'failed' | 'dropped';
  attempts: number;
  /** Epoch milliseconds before which it is not tried again. */
  nextAttemptAt: number;
  lastError: string | null;
}

interface SentLogDoc {
  id: string;
  claim: string;
  delivery: string;
  recipient: string;
  outcome: 'sending' | 'sent' | 'failed';
  /** Epoch milliseconds after which a claim still `sending` is taken for a crashed sender's. */
  leaseUntil: number;
  at: string;
}

/** A delivery's id from what makes it unique: the same on every replica and every replay. */
export function deliveryId(cause: string, notice: NotificationSubject, recipient: string, channel: string): string {
  return createHash('sha256').update(`${cause}|${notice}|${recipient}|${channel}`).digest('hex').slice(0, 40);
}

const LEASE_MS = 60_000;

@Injectable()
export class Deliveries {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  private get inbox() {
    return this.store.collection<InboxDoc>(INBOX);
  }

  get outbox() {
    return this.store.collection<OutboxDoc>(OUTBOX);
  }

  private get sentLog() {
    return this.store.collection<SentLogDoc>(SENT_LOG, { unique: ['claim'] });
  }

  /** Puts an in-app notification in the recipient's centre once, however often its cause is replayed. */
  async deliverInApp(delivery: Delivery): Promise<boolean> {
    if (!(await this.claim(delivery.id, 0, delivery.recipient))) return false;
    const { recipient, id, kind, notice, params, createdAt } = delivery;
    await this.inbox.upsert(id, { id, recipient, kind, subject: notice, params, createdAt, read: false });
    await this.settle(delivery.id, 0, 'sent');
    return true;
  }

  /** Queues an e-mail unless it is queued or sent already. */
  async enqueueEmail(delivery: Delivery): Promise<void> {
    if (await this.outbox.get(delivery.id)) return;
    await this.outbox.upsert(delivery.id, {
      ...delivery,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
    });
  }

  /** E-mails due now, oldest first. */
  async due(now: number, limit: number): Promise<OutboxDoc[]> {
    const page = await this.outbox.find({
      filter: { state: 'pending' },
      sort: [{ field: 'nextAttemptAt', direction: 'asc' }],
      limit,
    });
    return page.items.filter((doc) => doc.nextAttemptAt <= now);
  }

  /**
   * Takes attempt `attempt` of a delivery for this instance; false when another instance
   * (or an earlier run) has it. A claim still `sending` past its lease was left by a
   * sender that stopped: the caller moves on to the next attempt number.
   */
  async claim(delivery: string, attempt: number, recipient: string, now = Date.now()): Promise<boolean> {
    try {
      const id = randomUUID();
      await this.sentLog.upsert(id, {
        id,
        claim: `${delivery}#${attempt}`,
        delivery,
        recipient,
        outcome: 'sending',
        leaseUntil: now + LEASE_MS,
        at: new Date(now).toISOString(),
      });
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }

  /** What became of an attempt someone else claimed: sent, failed, or abandoned by a stopped sender. */
  async claimed(
    delivery: string,
    attempt: number,
    now = Date.now(),
  ): Promise<'sent' | 'failed' | 'busy' | 'abandoned'> {
    const row = (await this.sentLog.find({ filter: { claim: `${delivery}#${attempt}` }, limit: 1 })).items[0];
    if (!row) return 'abandoned';
    if (row.outcome !== 'sending') return row.outcome;
    return row.leaseUntil < now ? 'abandoned' : 'busy';
  }

  async settle(delivery: string, attempt: number, outcome: 'sent' | 'failed'): Promise<void> {
    const row = (await this.sentLog.find({ filter: { claim: `${delivery}#${attempt}` }, limit: 1 })).items[0];
    if (row) await this.sentLog.upsert(row.id, { ...row, outcome });
  }

  async sentCount(delivery: string): Promise<number> {
    return this.sentLog.count({ delivery, outcome: 'sent' });
  }

  async list(recipient: string): Promise<{ items: Notification[]; unread: number }> {
    const page = await this.inbox.find({
      filter: { recipient },
      sort: [{ field: 'createdAt', direction: 'desc' }],
      limit: 50,
    });
    const unread = await this.inbox.count({ recipient, read: false });
    return { items: page.items.map(({ recipient: _recipient, ...item }) => item), unread };
  }

  async markRead(recipient: string, ids: string[] | 'all'): Promise<number> {
    const filter: Filter = { recipient, read: false };
    if (ids !== 'all') filter['id'] = { in: ids };
    const page = await this.inbox.find({ filter, limit: 10_000 });
    for (const doc of page.items) await this.inbox.upsert(doc.id, { ...doc, read: true });
    return this.inbox.count({ recipient, read: false });
  }

  /** ARCO cancelación: every notification, queued e-mail and sent-log row of the person goes. */
  async erase(recipient: string): Promise<void> {
    for (const collection of [this.inbox, this.outbox, this.sentLog] as const) {
      const rows = await collection.find({ filter: { recipient }, limit: 100_000 });
      for (const row of rows.items) await collection.delete(row.id);
    }
  }
}
