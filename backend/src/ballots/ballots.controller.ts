import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { assistedBallotRequest, ballotReceipt, castBallotRequest, currentBallot } from '@decidimos/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONFIG, type Config } from '../config/config';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { IdempotencyKey } from '../http/idempotency';
import { ValidBody, type Parsed } from '../http/validation';
import { BoothsReadModel } from '../booths/public-api';
import { EditionsReadModel } from '../editions/public-api';
import { participant } from '../identity/public-api';
import { DomainError } from '../shared/domain-error';
import { BallotsReadModel } from './ballots.read-model';
import { CastBallotCommand, type CastAnswer } from './commands/cast-ballot';

@Controller('api/processes/:id')
export class BallotsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly editions: EditionsReadModel,
    private readonly ballots: BallotsReadModel,
    private readonly booths: BoothsReadModel,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post('ballot')
  @Access('session')
  @Endpoint({
    summary: 'Cast your ballot (201), or change it while revoting is allowed (200); returns the receipt',
    tags: ['ballots'],
    body: castBallotRequest,
    response: ballotReceipt,
    status: 201,
    alsoReturns: [200],
    problems: [404, 409, 422],
  })
  async cast(
    @Param('id') editionId: string,
    @ValidBody() { selections }: Parsed<typeof castBallotRequest>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKey() key?: string,
  ) {
    return answer(
      reply,
      await this.commands.execute(new CastBallotCommand(editionId, selections, request.caller!, null, key)),
    );
  }

  @Get('ballot')
  @Access('session')
  @Endpoint({
    summary: 'Your current ballot and its receipt (404 when you have not voted)',
    tags: ['ballots'],
    response: currentBallot,
    problems: [404],
  })
  async current(@Param('id') editionId: string, @Req() request: FastifyRequest) {
    const edition = await this.editions.require(editionId);
    const { voter } = participant(request.caller!, { editionId, ...edition }, this.config.voterKey, 'ballot');
    const ballot = await this.ballots.current(editionId, voter);
    if (!ballot) throw new DomainError('NOT_FOUND', { what: 'ballot', id: editionId });
    const { selections, district, channel, booth, castAt, replaced, receipt, ballotId, leafHash } = ballot;
    const boothName = booth ? ((await this.booths.get(booth))?.name ?? null) : null;
    return { selections, district, channel, booth, boothName, castAt, replaced, receipt, ballotId, leafHash };
  }

  @Post('assisted-ballots')
  @Access('poll-officer')
  @Endpoint({
    summary:
      'Record, at a booth during your shift, the ballot of a resident present in person, identified by the credential you checked; replacing a recorded ballot needs confirmReplace',
    tags: ['ballots'],
    body: assistedBallotRequest,
    response: ballotReceipt,
    status: 201,
    alsoReturns: [200],
    problems: [404, 409, 422],
  })
  async assisted(
    @Param('id') editionId: string,
    @ValidBody() { booth, credential, selections, confirmReplace }: Parsed<typeof assistedBallotRequest>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKey() key?: string,
  ) {
    return answer(
      reply,
      await this.commands.execute(
        new CastBallotCommand(editionId, selections, request.caller!, { booth, credential, confirmReplace }, key),
      ),
    );
  }
}

function answer(reply: FastifyReply, cast: CastAnswer) {
  void reply.status(cast.first ? 201 : 200);
  const { receipt, ballotId, leafHash } = cast;
  return { receipt, ballotId, leafHash };
}
