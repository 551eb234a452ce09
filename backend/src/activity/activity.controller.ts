import { Controller, Get, Inject, Req } from '@nestjs/common';
import { activityAnswer, activityQuery, type ActivityAnswer } from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { BallotsReadModel } from '../ballots/public-api';
import { CONFIG, type Config } from '../config/config';
import { EditionsReadModel } from '../editions/public-api';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { ValidQuery, type Parsed } from '../http/validation';
import { Profiles, pseudonym } from '../identity/public-api';
import { Contacts, settingsOf } from '../notifications/public-api';
import { ProposalsReadModel } from '../proposals/public-api';
import { decodeEvent } from '../shared/event-envelope';
import { supportsDecider, supportsStream } from '../supports/public-api';
import { WorksReadModel } from '../works/public-api';

/**
 * "My activity": my part in one edition, for my eyes only. My supports come from my own
 * supports stream (the SPA no longer keeps them on the device); whether I voted says
 * through which channel and when, never what I chose (the receipt page shows that).
 */
@Controller('api/me/activity')
export class ActivityController {
  constructor(
    private readonly editions: EditionsReadModel,
    private readonly proposals: ProposalsReadModel,
    private readonly ballots: BallotsReadModel,
    private readonly profiles: Profiles,
    private readonly contacts: Contacts,
    private readonly works: WorksReadModel,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get()
  @Access('session')
  @Endpoint({
    summary: 'My proposals and their status, my supports, whether, when and how I voted (no selections), what I follow',
    tags: ['activity'],
    query: activityQuery,
    response: activityAnswer,
    problems: [404],
  })
  async activity(
    @ValidQuery() query: Parsed<typeof activityQuery>,
    @Req() request: FastifyRequest,
  ): Promise<ActivityAnswer> {
    const session = request.caller!.session;
    const edition = await this.editions.require(query.edition);
    const editionId = edition.id;
    const mine = await this.docs(await this.profiles.proposalsOf(session.subject));
    const followed = await this.docs(await this.contacts.following(session.subject, 'proposal'));
    const followedWorks: ActivityAnswer['followedWorks'] = [];
    for (const workId of await this.contacts.following(session.subject, 'work')) {
      const work = await this.works.get(workId);
      const [proposal] = await this.docs([workId]);
      if (work)
        followedWorks.push({
          id: work.id,
          editionId: work.editionId,
          title: proposal?.title ?? work.id,
          status: work.status,
          progress: work.progress,
        });
    }
    let supports: ActivityAnswer['supports'] = [];
    let ballot: ActivityAnswer['ballot'] = null;
    if (session.curp) {
      const supporter = pseudonym(this.config.voterKey, 'support', editionId, session.curp);
      const stream = (await this.events.readStream(supportsStream(editionId, supporter))).map(decodeEvent);
      const state = stream.reduce(
        (s, e) => supportsDecider.evolve(s, e as Parameters<typeof supportsDecider.evolve>[1]),
        supportsDecider.initialState(),
      );
      supports = (await this.docs(state.supported)).map(({ id, title }) => ({ id, title }));
      const voter = pseudonym(this.config.voterKey, 'ballot', editionId, session.curp);
      const current = await this.ballots.current(editionId, voter);
      if (current) ballot = { channel: current.channel, castAt: current.castAt, booth: current.booth };
    }
    return {
      editionId,
      proposals: mine.filter((p) => p.editionId === editionId).map(({ id, title, status }) => ({ id, title, status })),
      supports,
      ballot,
      follows: followed.map(({ id, title, status }) => ({ id, title, status })),
      followedWorks,
      settings: settingsOf(await this.contacts.refresh(session)),
    };
  }

  private async docs(ids: string[]) {
    const found = [];
    for (const id of ids) {
      try {
        found.push(await this.proposals.require(id));
      } catch {
        // A proposal row never appended (see Profiles.linkAuthor) is no proposal of mine.
      }
    }
    return found;
  }
}
