import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  NOTIFICATION_KINDS,
  type Language,
  type NotificationKind,
  type NotificationSettings,
  type NotificationSettingsRequest,
} from '@decidimos/contracts';
import { CONFIG, type Config } from '../config/config';
import type { Session } from '../http/sessions';
import { pseudonym } from '../identity/public-api';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';

/**
 * How the service reaches a resident: personal data, so it lives outside the log, keyed by
 * iD subject, in collections no projection owns (no rebuild clears them) and `erase`
 * deletes. The CURP is kept so the reactor can compute the person's ballot pseudonym for
 * an edition (to tell them their ballot was recorded, or remind them if it was not),
 * never to publish it.
 */
export const CONTACTS = 'notification-contacts';
/** Proposals and works a resident follows: one row per (subject, target, id). */
export const FOLLOWS = 'notification-follows';
/**
 * From a ballot pseudonym to the person behind it, keyed by HMAC(VOTER_KEY, "reach:" +
 * pseudonym): whoever reads the store without the key cannot join a public ballot to a row.
 */
export const REACH = 'notification-reach';

export interface ContactDoc {
  id: string;
  email: string | null;
  curp: string | null;
  district: string | null;
  language: Language;
  emailKinds: NotificationKind[];
  inAppKinds: NotificationKind[];
  /** Names the contact in unsubscribe links, so no iD subject travels in an e-mail. */
  ref: string;
}

/** What can be followed; a work's id is its selected proposal's. */
export type FollowTarget = 'proposal' | 'work';

interface FollowDoc {
  id: string;
  subject: string;
  target: FollowTarget;
  targetId: string;
  at: string;
}

export interface ReachDoc {
  id: string;
  subject: string;
  editionId: string;
}

/** Every kind in-app, none by e-mail until the resident opts in. */
const DEFAULTS = { emailKinds: [] as NotificationKind[], inAppKinds: [...NOTIFICATION_KINDS] };

@Injectable()
export class Contacts {
  /** VOTER_KEY as a KeyObject made once: keying each HMAC with the raw bytes costs six times as much, once per ballot (issue 13). */
  private readonly reachKey: KeyObject;

  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.reachKey = createSecretKey(config.voterKey);
  }

  private get contacts() {
    return this.store.collection<ContactDoc>(CONTACTS, { unique: ['ref'] });
  }

  private get follows() {
    return this.store.collection<FollowDoc>(FOLLOWS);
  }

  private get reach() {
    return this.store.collection<ReachDoc>(REACH);
  }

  get(subject: string): Promise<ContactDoc | null> {
    return this.contacts.get(subject);
  }

  /** The contact as the session's claims have it now (e-mail, CURP, district), created with the defaults if new. */
  async refresh(session: Session): Promise<ContactDoc> {
    const known = await this.contacts.get(session.subject);
    const contact: ContactDoc = {
      ...(known ?? { id: session.subject, language: 'es', ref: randomBytes(16).toString('base64url'), ...DEFAULTS }),
      email: session.email ?? null,
      curp: session.curp,
      district: session.district,
    };
    if (!known || known.email !== contact.email || known.curp !== contact.curp || known.district !== contact.district) {
      await this.contacts.upsert(contact.id, contact);
    }
    return contact;
  }

  async save(session: Session, settings: NotificationSettingsRequest): Promise<ContactDoc> {
    const contact = await this.refresh(session);
    const saved: ContactDoc = {
      ...contact,
      emailKinds: settings.email.kinds,
      inAppKinds: settings.inApp.kinds,
      language: settings.language ?? contact.language,
    };
    await this.contacts.upsert(saved.id, saved);
    return saved;
  }

  async byRef(ref: string): Promise<ContactDoc | null> {
    return (await this.contacts.find({ filter: { ref }, limit: 1 })).items[0] ?? null;
  }

  async unsubscribe(contact: ContactDoc, kind: NotificationKind): Promise<void> {
    const emailKinds = contact.emailKinds.filter((k) => k !== kind);
    await this.contacts.upsert(contact.id, { ...contact, emailKinds });
  }

  /** Contacts of these districts, a page at a time (the reactor walks them when voting opens). */
  async *inDistricts(districts: string[]): AsyncGenerator<ContactDoc> {
    const pageSize = 500;
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.contacts.find({
        filter: { district: { in: districts } },
        sort: [{ field: 'id', direction: 'asc' }],
        limit: pageSize,
        offset,
      });
      yield* page.items;
      if (page.items.length < pageSize) return;
    }
  }

  async follow(subject: string, target: FollowTarget, targetId: string, at: string): Promise<void> {
    const id = followId(subject, target, targetId);
    if (!(await this.follows.get(id))) await this.follows.upsert(id, { id, subject, target, targetId, at });
  }

  async unfollow(subject: string, target: FollowTarget, targetId: string): Promise<void> {
    await this.follows.delete(followId(subject, target, targetId));
  }

  async following(subject: string, target: FollowTarget): Promise<string[]> {
    const page = await this.follows.find({
      filter: { subject, target },
      sort: [{ field: 'at', direction: 'asc' }],
      limit: 1000,
    });
    return page.items.map((f) => f.targetId);
  }

  async followers(target: FollowTarget, targetId: string): Promise<string[]> {
    const page = await this.follows.find({ filter: { target, targetId }, limit: 100_000 });
    return page.items.map((f) => f.subject);
  }

  /** The ballot pseudonym of this contact in an edition, recorded (keyed) so a BallotCast finds them. */
  async reachable(contact: ContactDoc, editionId: string): Promise<string | null> {
    if (!contact.curp) return null;
    const voter = pseudonym(this.config.voterKey, 'ballot', editionId, contact.curp);
    const id = this.reachId(voter);
    if (!(await this.reach.get(id))) await this.reach.upsert(id, { id, subject: contact.id, editionId });
    return voter;
  }

  /** The contact behind a ballot pseudonym, if the person is one. */
  async voter(voter: string): Promise<string | null> {
    return (await this.reach.get(this.reachId(voter)))?.subject ?? null;
  }

  /** ARCO cancelación: the contact, its follows and its reach rows go. */
  async erase(subject: string): Promise<void> {
    await this.contacts.delete(subject);
    for (const collection of [this.follows, this.reach] as const) {
      const rows = await collection.find({ filter: { subject }, limit: 100_000 });
      for (const row of rows.items) await collection.delete(row.id);
    }
  }

  private reachId(voter: string): string {
    return createHmac('sha256', this.reachKey).update(`reach:${voter}`).digest('hex');
  }
}

export function settingsOf(contact: ContactDoc): NotificationSettings {
  return {
    email: { kinds: contact.emailKinds },
    inApp: { kinds: contact.inAppKinds },
    language: contact.language,
    emailAddress: contact.email,
  };
}

const followId = (subject: string, target: FollowTarget, targetId: string) => `${subject}:${target}:${targetId}`;
