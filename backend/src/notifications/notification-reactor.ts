import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  publicEvent,
  receiptOf,
  scheduledEnd,
  type NotificationKind,
  type NotificationParams,
  type NotificationSubject,
  type ProposalStatus,
} from '@decidimos/contracts';
import { Counter, Gauge } from 'prom-client';
import { CONFIG, type Config } from '../config/config';
import { EditionsReadModel } from '../editions/public-api';
import { EVENT_STORE, type EventStore, type Subscription } from '../event-store/event-store.port';
import { Metrics } from '../health/public-api';
import { ProjectionRunner } from '../projections/projection-runner';
import { BallotsReadModel } from '../ballots/public-api';
import { Profiles } from '../identity/public-api';
import { ProposalsReadModel } from '../proposals/public-api';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { Clock } from '../shared/clock';
import { decodeOwnEvent, type StoredEvent } from '../shared/event-envelope';
import { Contacts, type ContactDoc } from './contacts';
import { Deliveries, deliveryId, type OutboxDoc } from './deliveries';
import { Mailer } from './mailer';
import { renderMail } from './templates';
import { unsubscribeToken } from './unsubscribe';

/** The reactor's own checkpoint: not a projection's, so no rebuild resets it (replays would be harmless anyway). */
export const REACTOR_CHECKPOINT = 'notification-reactor';
/** How often each instance looks for e-mails due and reminders due. */
const TICK_MS = 1_000;
/** After the n-th failed attempt, wait 2^n seconds (at most an hour); give up after MAX_ATTEMPTS. */
const MAX_ATTEMPTS = 8;
const backoffMs = (attempts: number, atMostMs = 3_600_000) => Math.min(2 ** attempts * 1000, atMostMs);
/**
 * After the reaction to an event failed for the n-th time in a row, the reactor follows the
 * log again 2^(n-1) seconds later, at most this long: a failure that repeats (a bug, a store
 * that is down) is tried again now and then, not every tick, and notices for later events
 * wait behind it rather than go out of order or not at all.
 */
const REACTION_RETRY_MAX_MS = 5 * 60 * 1000;
const REMINDER_BEFORE_MS = 24 * 3600 * 1000;
/** How often the projector walks the contacts for reminders due: each walk costs an HMAC and a read per contact. */
const REMIND_EVERY_MS = 5 * 60 * 1000;

interface Recipient {
  subject: string;
  kind: NotificationKind;
}

/**
 * Derives notifications from the event log with its own checkpoint, outside the
 * projections (commands never wait for it) but on the instance that projects: in-app
 * ones are written at once, e-mails queued in the outbox, each with an id computed from
 * its cause, recipient and channel. A tick on every instance sends e-mails due (claiming
 * each attempt in the sent-log, so two replicas or a restart never send one twice); on the
 * projector it also queues the reminders due a day before voting closes.
 */
@Injectable()
export class NotificationReactor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private subscription: Subscription | null = null;
  /** Following the projector's role: the subscription started or stopped, one change at a time. */
  private switching: Promise<void> = Promise.resolve();
  private forgetRole: () => void = () => {};
  private stopped = false;
  /** The reaction to the event in hand, if any. */
  private reacting: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | null = null;
  private ticking: Promise<void> | null = null;
  private checkpoint = 0;
  private savedCheckpoint = 0;
  private remindedAt = 0;
  private readonly sent: Counter<'channel'>;
  private readonly failed: Counter<'channel'>;
  private readonly stalledAt: Gauge;
  /** This instance has followed the log before: a saved checkpoint of 0 is then the log's start, not a first start. */
  private followed = false;
  /** The event whose reaction is in hand: where the reactor stopped, if it fails. */
  private inHand = 0;
  /** The event the reactor stopped on, how many times in a row, and when it tries again; null while it flows. */
  private stalled: { position: number; attempts: number; retryAt: number } | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(CONFIG) private readonly config: Config,
    private readonly contacts: Contacts,
    private readonly deliveries: Deliveries,
    private readonly mailer: Mailer,
    private readonly profiles: Profiles,
    private readonly proposals: ProposalsReadModel,
    private readonly editions: EditionsReadModel,
    private readonly ballots: BallotsReadModel,
    private readonly projections: ProjectionRunner,
    private readonly clock: Clock,
    metrics: Metrics,
  ) {
    this.sent = new Counter({
      name: 'decidimos_notifications_sent_total',
      help: 'Notifications delivered, by channel',
      labelNames: ['channel'],
      registers: [metrics.registry],
    });
    this.failed = new Counter({
      name: 'decidimos_notifications_failed_total',
      help: 'Failed attempts at delivering a notification, by channel (each is retried with backoff)',
      labelNames: ['channel'],
      registers: [metrics.registry],
    });
    this.stalledAt = new Gauge({
      name: 'decidimos_notifications_stalled_position',
      help: 'Log position of the event whose notices failed and are being retried (0 while notices flow)',
      registers: [metrics.registry],
    });
  }

  async onApplicationBootstrap() {
    this.forgetRole = this.projections.onRoleChange(() => void this.followRole());
    await this.followRole();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    this.forgetRole();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.followRole();
    await this.ticking;
    await this.saveCheckpoint();
  }

  /**
   * Derives notices only on the instance that projects (the projector lease): one instance
   * reads the log for them instead of every replica, and one that takes the role over goes
   * on from the saved checkpoint (replaying a few events derives deliveries that exist).
   */
  private followRole(): Promise<void> {
    this.switching = this.switching
      .then(async () => {
        const projector = this.projections.isProjector && !this.stopped;
        const waiting = this.stalled !== null && this.clock.now().getTime() < this.stalled.retryAt;
        if (projector && !this.subscription && !waiting) await this.subscribe();
        else if (!projector && this.subscription) {
          await this.subscription.stop();
          this.subscription = null;
          // A subscription's stop does not wait for the event in hand: its notice is finished before the role moves on.
          await this.reacting;
          await this.saveCheckpoint();
        }
      })
      .catch((error: unknown) => this.logger.error(`notifications: ${String(error)}`));
    return this.switching;
  }

  private async subscribe(): Promise<void> {
    const saved = await this.store.getCheckpoint(REACTOR_CHECKPOINT);
    if (saved === 0 && !this.followed) {
      // First start on a log that may hold years of events: notices begin now, nobody hears of the past.
      this.checkpoint = await this.events.headPosition();
      await this.store.setCheckpoint(REACTOR_CHECKPOINT, this.checkpoint);
    } else {
      // Following again after a failure, this instance's own checkpoint may be ahead of the saved one (saved each tick).
      this.checkpoint = Math.max(saved, this.checkpoint);
    }
    this.followed = true;
    this.savedCheckpoint = saved;
    const subscription = this.events.subscribeToAll({
      after: this.checkpoint,
      onEvent: async (recorded) => {
        this.inHand = recorded.position;
        // Checked by the catalog on append, like the projections' events (decodeOwnEvent).
        const reaction = this.react(decodeOwnEvent(recorded));
        this.reacting = reaction.catch(() => {});
        await reaction;
        this.checkpoint = recorded.position;
        if (this.stalled && recorded.position >= this.stalled.position) {
          this.logger.log(`notifications flow again after log position ${this.stalled.position}`);
          this.stalled = null;
          this.stalledAt.set(0);
        }
      },
      onError: (error) => {
        // Only this instance derives notices: a later tick subscribes again from the checkpoint.
        const position = Math.max(this.inHand, this.checkpoint + 1);
        const attempts = this.stalled?.position === position ? this.stalled.attempts + 1 : 1;
        const waitMs = backoffMs(attempts - 1, REACTION_RETRY_MAX_MS);
        this.stalled = { position, attempts, retryAt: this.clock.now().getTime() + waitMs };
        this.stalledAt.set(position);
        this.logger.error(
          `notifications stopped at log position ${position} (failure ${attempts} in a row): ${String(error)}; ` +
            `following the log again in ${waitMs / 1000} s`,
        );
        if (this.subscription === subscription) this.subscription = null;
      },
    });
    this.subscription = subscription;
  }

  // Saved with each tick rather than per event (a write per ballot would slow voting); a
  // replay after a crash re-derives deliveries that already exist, which changes nothing.
  private async saveCheckpoint(): Promise<void> {
    if (this.checkpoint > this.savedCheckpoint) {
      const position = this.checkpoint;
      await this.store.setCheckpoint(REACTOR_CHECKPOINT, position);
      this.savedCheckpoint = position;
    }
  }

  /**
   * Sends the e-mails due now and, every few minutes (or now with `remindNow`), the
   * reminders due; tests call it to avoid waiting for the timer.
   */
  tick(remindNow = false): Promise<void> {
    this.ticking ??= this.followRole()
      .then(() => this.saveCheckpoint())
      .then(() => this.sendDue())
      .then(() => this.remindIfDue(remindNow))
      .catch((error: unknown) => this.logger.error(`notification tick: ${String(error)}`))
      .finally(() => {
        this.ticking = null;
      });
    return this.ticking;
  }

  private async react(event: StoredEvent): Promise<void> {
    switch (event.type) {
      case 'ProposalAssessed': {
        const { proposalId, feasible, reason, editionId } = event.data;
        const status: ProposalStatus = feasible ? 'feasible' : 'unfeasible';
        const params = { editionId, proposalId, proposalTitle: await this.title(proposalId), feasible, reason, status };
        await this.aboutProposal(event, proposalId, 'proposal-assessed', params);
        return;
      }
      case 'ProposalWithdrawn': {
        const { proposalId, editionId } = event.data;
        const params = {
          editionId,
          proposalId,
          proposalTitle: await this.title(proposalId),
          status: 'withdrawn' as const,
        };
        await this.toFollowers(event, proposalId, null, params);
        return;
      }
      case 'EditionPhaseAdvanced':
        if (event.data.to === 'voting') await this.votingOpened(event);
        return;
      case 'TallyComputed': {
        const { editionId, districts } = event.data;
        for (const district of districts) {
          for (const proposalId of Object.keys(district.votes)) {
            const status: ProposalStatus = district.selected.includes(proposalId) ? 'selected' : 'not-selected';
            const params = { editionId, proposalId, proposalTitle: await this.title(proposalId), status };
            await this.aboutProposal(event, proposalId, 'proposal-status', params);
          }
        }
        return;
      }
      case 'BallotCast':
        await this.ballotCast(event);
        return;
      case 'WorkUpdated': {
        const { editionId, workId, status, progress, reason, milestone } = event.data;
        const params = {
          editionId,
          workId,
          proposalTitle: await this.title(workId),
          ...(status ? { workStatus: status } : {}),
          ...(progress !== undefined ? { progress } : {}),
          ...(reason ? { reason } : {}),
          ...(milestone ? { milestoneTitle: milestone.title } : {}),
        };
        for (const follower of await this.contacts.followers('work', workId)) {
          const recipient = { subject: follower, kind: 'followed-work' as const };
          await this.deliver(event.id, event.recordedAt, recipient, 'work-updated', params);
        }
        return;
      }
      default:
        return;
    }
  }

  /** Tells the author (as `my-proposal`) and the followers (as `followed-proposal`). */
  private async aboutProposal(
    event: StoredEvent,
    proposalId: string,
    authorNotice: NotificationSubject,
    params: NotificationParams,
  ): Promise<void> {
    const author = await this.profiles.authorOf(proposalId);
    if (author)
      await this.deliver(event.id, event.recordedAt, { subject: author, kind: 'my-proposal' }, authorNotice, params);
    await this.toFollowers(event, proposalId, author, params);
  }

  private async toFollowers(event: StoredEvent, proposalId: string, author: string | null, params: NotificationParams) {
    for (const follower of await this.contacts.followers('proposal', proposalId)) {
      if (follower === author) continue;
      await this.deliver(
        event.id,
        event.recordedAt,
        { subject: follower, kind: 'followed-proposal' },
        'proposal-status',
        params,
      );
    }
  }

  private async votingOpened(event: Extract<StoredEvent, { type: 'EditionPhaseAdvanced' }>): Promise<void> {
    const { editionId, ballot } = event.data;
    const edition = await this.editions.get(editionId);
    if (!edition) return;
    const onBallot = new Set(Object.values(ballot ?? {}).flatMap((entries) => entries.map((e) => e.proposalId)));
    for (let page = 1; ; page++) {
      const proposals = await this.proposals.list(undefined, editionId, { page, pageSize: 100 });
      for (const proposal of proposals.items) {
        if (!['feasible', 'on-ballot', 'off-ballot'].includes(proposal.status)) continue;
        const status: ProposalStatus = onBallot.has(proposal.id) ? 'on-ballot' : 'off-ballot';
        const params = { editionId, proposalId: proposal.id, proposalTitle: proposal.title, status };
        await this.aboutProposal(event, proposal.id, 'proposal-ballot', params);
      }
      if (page * 100 >= proposals.total) break;
    }
    const votingEndsAt = scheduledEnd('voting', edition.calendar, edition.rules);
    const params = { editionId, editionTitle: edition.title, ...(votingEndsAt ? { votingEndsAt } : {}) };
    for await (const contact of this.contacts.inDistricts(edition.districts.map((d) => d.id))) {
      // Recorded now, so the ballot this person casts finds them.
      await this.contacts.reachable(contact, editionId);
      await this.deliver(event.id, event.recordedAt, { subject: contact.id, kind: 'voting' }, 'voting-opened', params);
    }
  }

  private async ballotCast(event: Extract<StoredEvent, { type: 'BallotCast' }>): Promise<void> {
    const { editionId, voter, channel } = event.data;
    const subject = await this.contacts.voter(voter);
    if (!subject) return;
    const edition = await this.editions.get(editionId);
    const { receipt } = receiptOf(publicEvent(event));
    const notice = event.revision > 0 ? 'ballot-replaced' : 'ballot-recorded';
    const params = { editionId, editionTitle: edition?.title ?? editionId, receipt, channel };
    await this.deliver(event.id, event.recordedAt, { subject, kind: 'my-ballot' }, notice, params);
  }

  /** One delivery per channel the recipient chose for this kind; a replaced ballot is always shown in-app. */
  private async deliver(
    cause: string,
    at: string,
    recipient: Recipient,
    notice: NotificationSubject,
    params: NotificationParams,
  ): Promise<void> {
    const contact = await this.contacts.get(recipient.subject);
    const inApp = contact ? contact.inAppKinds.includes(recipient.kind) : true;
    const base = { recipient: recipient.subject, kind: recipient.kind, notice, params, createdAt: at };
    if (inApp || notice === 'ballot-replaced') {
      const id = deliveryId(cause, notice, recipient.subject, 'inApp');
      if (await this.deliveries.deliverInApp({ ...base, id, channel: 'inApp' })) this.sent.inc({ channel: 'inApp' });
    }
    if (contact?.email && contact.emailKinds.includes(recipient.kind)) {
      await this.deliveries.enqueueEmail({
        ...base,
        id: deliveryId(cause, notice, recipient.subject, 'email'),
        channel: 'email',
      });
    }
  }

  private async sendDue(): Promise<void> {
    const now = Date.now();
    for (const doc of await this.deliveries.due(now, 50)) await this.sendOne(doc, now);
  }

  private async sendOne(doc: OutboxDoc, now: number): Promise<void> {
    let attempt = doc.attempts;
    if (!(await this.deliveries.claim(doc.id, attempt, doc.recipient, now))) {
      const outcome = await this.deliveries.claimed(doc.id, attempt, now);
      if (outcome === 'busy') return;
      if (outcome === 'sent') return void (await this.deliveries.outbox.upsert(doc.id, { ...doc, state: 'sent' }));
      // A failed attempt another instance has not rescheduled yet, or one a stopped sender left: take the next.
      attempt += 1;
      if (!(await this.deliveries.claim(doc.id, attempt, doc.recipient, now))) return;
    }
    const contact = await this.contacts.get(doc.recipient);
    if (!contact?.email || !contact.emailKinds.includes(doc.kind)) {
      // Opted out (or erased) since it was queued: nothing goes out.
      await this.deliveries.settle(doc.id, attempt, 'failed');
      await this.deliveries.outbox.upsert(doc.id, { ...doc, attempts: attempt, state: 'dropped' });
      return;
    }
    const mail = renderMail(doc.notice, doc.params, contact.language, this.unsubscribePage(contact, doc.kind));
    try {
      await this.mailer.send({
        id: doc.id,
        to: contact.email,
        ...mail,
        unsubscribeUrl: `${this.baseUrl()}/api/notifications/unsubscribe?token=${unsubscribeToken(this.config.voterKey, contact.ref, doc.kind)}`,
      });
    } catch (error) {
      this.failed.inc({ channel: 'email' });
      const attempts = attempt + 1;
      // The class and code only: an SMTP server's words may quote the address.
      this.logger.warn(`e-mail ${doc.id} attempt ${attempts} failed: ${describe(error)}`);
      await this.deliveries.settle(doc.id, attempt, 'failed');
      await this.deliveries.outbox.upsert(doc.id, {
        ...doc,
        attempts,
        nextAttemptAt: now + backoffMs(attempts),
        state: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        lastError: describe(error),
      });
      return;
    }
    await this.deliveries.settle(doc.id, attempt, 'sent');
    await this.deliveries.outbox.upsert(doc.id, { ...doc, attempts: attempt + 1, state: 'sent', lastError: null });
    this.sent.inc({ channel: 'email' });
  }

  /**
   * A day before voting closes, a reminder to each opted-in resident of the edition who
   * has not voted. Whether they have is looked up by computing their ballot pseudonym from
   * their private record, in memory: nothing of it is written, logged or published; only
   * the reminder itself lands in their inbox or mailbox.
   */
  private async remind(): Promise<void> {
    const now = Date.now();
    for (const edition of await this.editions.list()) {
      const endsAt = scheduledEnd('voting', edition.calendar, edition.rules);
      if (edition.phase !== 'voting' || !endsAt) continue;
      const end = Date.parse(endsAt);
      if (now < end - REMINDER_BEFORE_MS || now >= end) continue;
      const cause = `reminder:${edition.id}:${endsAt}`;
      const params = { editionId: edition.id, editionTitle: edition.title, votingEndsAt: endsAt };
      for await (const contact of this.contacts.inDistricts(edition.districts.map((d) => d.id))) {
        if (!this.wantsVoting(contact)) continue;
        const voter = await this.contacts.reachable(contact, edition.id);
        if (!voter || (await this.ballots.hasVoted(edition.id, voter))) continue;
        await this.deliver(
          cause,
          new Date(end - REMINDER_BEFORE_MS).toISOString(),
          { subject: contact.id, kind: 'voting' },
          'voting-reminder',
          params,
        );
      }
    }
  }

  private async remindIfDue(now: boolean): Promise<void> {
    // The walk costs a read and an HMAC per contact: the projector walks for every replica.
    if (!this.projections.isProjector) return;
    if (!now && Date.now() - this.remindedAt < REMIND_EVERY_MS) return;
    this.remindedAt = Date.now();
    await this.remind();
  }

  private wantsVoting(contact: ContactDoc): boolean {
    return contact.inAppKinds.includes('voting') || contact.emailKinds.includes('voting');
  }

  private async title(proposalId: string): Promise<string> {
    try {
      return (await this.proposals.require(proposalId)).title;
    } catch {
      return proposalId;
    }
  }

  private baseUrl(): string {
    return this.config.publicUrl ?? `http://localhost:${this.config.port}`;
  }

  private unsubscribePage(contact: ContactDoc, kind: NotificationKind): string {
    return `${this.baseUrl()}/notifications/unsubscribe?token=${unsubscribeToken(this.config.voterKey, contact.ref, kind)}`;
  }
}

function describe(error: unknown): string {
  const { name, code, responseCode } = error as { name?: string; code?: string; responseCode?: number };
  return [name ?? 'Error', code, responseCode].filter((part) => part !== undefined).join(' ');
}
