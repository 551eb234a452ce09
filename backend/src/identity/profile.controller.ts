import { Controller, Delete, HttpCode, Put, Req } from '@nestjs/common';
import { displayNameAnswer, displayNameRequest } from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { ValidBody, type Parsed } from '../http/validation';
import { Profiles } from './profiles';

/** My public display name: personal data outside the log, so it can change or go at any time. */
@Controller('api/me/display-name')
export class ProfileController {
  constructor(private readonly profiles: Profiles) {}

  @Put()
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Set the name shown next to your proposals (kept outside the public log)',
    tags: ['identity'],
    body: displayNameRequest,
    response: displayNameAnswer,
  })
  async set(@ValidBody() body: Parsed<typeof displayNameRequest>, @Req() request: FastifyRequest) {
    await this.profiles.setDisplayName(request.caller!.session.subject, body.displayName);
    return { publicDisplayName: body.displayName };
  }

  @Delete()
  @HttpCode(204)
  @Access('session')
  @Endpoint({
    summary:
      'Erase your public display name: your proposals show an anonymous author at once; repeating it changes nothing',
    tags: ['identity'],
    status: 204,
  })
  async erase(@Req() request: FastifyRequest): Promise<void> {
    await this.profiles.eraseDisplayName(request.caller!.session.subject);
  }
}
