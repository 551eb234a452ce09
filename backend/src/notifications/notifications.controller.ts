import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import {
  followAnswer,
  followsAnswer,
  markReadAnswer,
  markReadRequest,
  notificationSettings,
  notificationSettingsRequest,
  notificationsAnswer,
  unsubscribeAnswer,
  type FollowAnswer,
  type NotificationSettings,
  type NotificationsAnswer,
  type UnsubscribeAnswer,
} from '@decidimos/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CONFIG, type Config } from '../config/config';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { ValidBody, ValidQuery, ValidationFailed, type Parsed } from '../http/validation';
import { ProposalsReadModel } from '../proposals/public-api';
import { DomainError } from '../shared/domain-error';
import { WorksReadModel } from '../works/public-api';
import { Contacts, settingsOf } from './contacts';
import { Deliveries } from './deliveries';
import { Mailer } from './mailer';
import { readUnsubscribeToken } from './unsubscribe';

const unsubscribeQuery = z.object({ token: z.string().min(1).max(300) }).strict();

/** My notifications, my settings and what I follow: personal data outside the log, erasable. */
@Controller()
export class NotificationsController {
  constructor(
    private readonly contacts: Contacts,
    private readonly deliveries: Deliveries,
    private readonly proposals: ProposalsReadModel,
    private readonly works: WorksReadModel,
    private readonly mailer: Mailer,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get('api/me/notifications')
  @Access('session')
  @Endpoint({
    summary: 'My notifications, newest first, and how many are unread',
    tags: ['notifications'],
    response: notificationsAnswer,
  })
  async list(@Req() request: FastifyRequest): Promise<NotificationsAnswer> {
    // The e-mail claim is stored when the resident is first seen after a login.
    const session = request.caller!.session;
    await this.contacts.refresh(session);
    return this.deliveries.list(session.subject);
  }

  @Post('api/me/notifications/read')
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Mark these notifications (or all of mine) as read; repeating it changes nothing',
    tags: ['notifications'],
    body: markReadRequest,
    response: markReadAnswer,
  })
  async read(@ValidBody() body: Parsed<typeof markReadRequest>, @Req() request: FastifyRequest) {
    const ids = 'all' in body ? 'all' : body.ids;
    return { unread: await this.deliveries.markRead(request.caller!.session.subject, ids) };
  }

  @Get('api/me/notification-settings')
  @Access('session')
  @Endpoint({
    summary: 'Which kinds of notice I get in the app and by e-mail, and in which language',
    tags: ['notifications'],
    response: notificationSettings,
  })
  async settings(@Req() request: FastifyRequest): Promise<NotificationSettings> {
    return settingsOf(await this.contacts.refresh(request.caller!.session));
  }

  @Put('api/me/notification-settings')
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Choose the kinds of notice I get in the app and by e-mail (opt in), and their language',
    tags: ['notifications'],
    body: notificationSettingsRequest,
    response: notificationSettings,
  })
  async save(
    @ValidBody() body: Parsed<typeof notificationSettingsRequest>,
    @Req() request: FastifyRequest,
  ): Promise<NotificationSettings> {
    return settingsOf(await this.contacts.save(request.caller!.session, body));
  }

  @Delete('api/me/notification-settings')
  @HttpCode(204)
  @Access('session')
  @Endpoint({
    summary:
      'Erase everything notifications keep about me: e-mail address, settings, follows, notifications and the sent-log',
    tags: ['notifications'],
    status: 204,
  })
  async erase(@Req() request: FastifyRequest): Promise<void> {
    const subject = request.caller!.session.subject;
    await this.contacts.erase(subject);
    await this.deliveries.erase(subject);
  }

  @Get('api/me/follows')
  @Access('session')
  @Endpoint({ summary: 'The proposals and works I follow, by id', tags: ['notifications'], response: followsAnswer })
  async follows(@Req() request: FastifyRequest) {
    const subject = request.caller!.session.subject;
    return {
      proposals: await this.contacts.following(subject, 'proposal'),
      works: await this.contacts.following(subject, 'work'),
    };
  }

  @Put('api/proposals/:id/follow')
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Follow a proposal: hear when its status changes; repeating it changes nothing',
    tags: ['notifications'],
    response: followAnswer,
    problems: [404],
  })
  async follow(@Param('id') id: string, @Req() request: FastifyRequest): Promise<FollowAnswer> {
    await this.proposals.require(id);
    await this.contacts.follow(request.caller!.session.subject, 'proposal', id, new Date().toISOString());
    return { id, following: true };
  }

  @Delete('api/proposals/:id/follow')
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Stop following a proposal; repeating it changes nothing',
    tags: ['notifications'],
    response: followAnswer,
    problems: [404],
  })
  async unfollow(@Param('id') id: string, @Req() request: FastifyRequest): Promise<FollowAnswer> {
    await this.proposals.require(id);
    await this.contacts.unfollow(request.caller!.session.subject, 'proposal', id);
    return { id, following: false };
  }

  @Put('api/works/:id/follow')
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Follow a work: hear of each update; repeating it changes nothing',
    tags: ['notifications'],
    response: followAnswer,
    problems: [404],
  })
  async followWork(@Param('id') id: string, @Req() request: FastifyRequest): Promise<FollowAnswer> {
    await this.works.require(id);
    await this.contacts.follow(request.caller!.session.subject, 'work', id, new Date().toISOString());
    return { id, following: true };
  }

  @Delete('api/works/:id/follow')
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Stop following a work; repeating it changes nothing',
    tags: ['notifications'],
    response: followAnswer,
    problems: [404],
  })
  async unfollowWork(@Param('id') id: string, @Req() request: FastifyRequest): Promise<FollowAnswer> {
    await this.works.require(id);
    await this.contacts.unfollow(request.caller!.session.subject, 'work', id);
    return { id, following: false };
  }

  @Post('api/notifications/unsubscribe')
  @HttpCode(200)
  @Access('public')
  @Endpoint({
    summary: 'Stop e-mails of one kind from the signed link in each e-mail (RFC 8058 one-click: works without login)',
    tags: ['notifications'],
    query: unsubscribeQuery,
    response: unsubscribeAnswer,
    problems: [400],
  })
  async unsubscribe(@ValidQuery() query: Parsed<typeof unsubscribeQuery>): Promise<UnsubscribeAnswer> {
    const token = readUnsubscribeToken(this.config.voterKey, query.token);
    if (!token) {
      throw new ValidationFailed([
        { path: 'query.token', message: 'not a link of ours: copy it whole from the e-mail' },
      ]);
    }
    const contact = await this.contacts.byRef(token.ref);
    // An erased contact gets nothing already: the link still answers as done.
    if (contact) await this.contacts.unsubscribe(contact, token.kind);
    return { kind: token.kind, unsubscribed: true };
  }

  @Get('dev/outbox')
  @Access('public')
  @Endpoint({
    summary: 'Development only: the e-mails written to DATA_DIR/outbox when SMTP_URL is unset (404 otherwise)',
    tags: ['notifications'],
    produces: 'text/plain',
    problems: [404],
  })
  outbox(@Res({ passthrough: true }) reply: FastifyReply): string {
    if (this.config.production || !this.mailer.outboxDir)
      throw new DomainError('NOT_FOUND', { what: 'page', id: 'outbox' });
    void reply.header('content-type', 'text/plain; charset=utf-8');
    const mails = this.mailer.outbox();
    if (mails.length === 0) return 'The outbox is empty.\n';
    return mails.map((mail) => `==== ${mail.name}\n${mail.text}`).join('\n\n');
  }
}
