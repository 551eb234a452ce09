import { Controller, Delete, HttpCode, Inject, Param, Put, Req } from '@nestjs/common';
import { supportAnswer, type SupportAnswer } from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { CONFIG, type Config } from '../config/config';
import type { Caller } from '../http/access';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { participant } from '../identity/participation';
import { editionDecider } from '../editions/domain/edition.decider';
import { editionStream } from '../editions/streams';
import { ProposalsReadModel } from '../proposals/proposals.read-model';
import { DomainError } from '../shared/domain-error';
import { EventSourcing } from '../shared/event-sourcing.service';
import { supportsDecider, type SupportsCommand } from './domain/supports.decider';

export const supportsStream = (editionId: string, voter: string) => `supports-${editionId}-${voter}`;

@Controller('api/proposals/:id/support')
export class SupportsController {
  constructor(
    private readonly es: EventSourcing,
    private readonly proposals: ProposalsReadModel,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Put()
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Support a feasible proposal of your district (supports phase); repeating it changes nothing',
    tags: ['supports'],
    response: supportAnswer,
    problems: [404, 409, 422],
  })
  give(@Param('id') id: string, @Req() request: FastifyRequest) {
    return this.change(id, request.caller!, true);
  }

  @Delete()
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Take back your support (supports phase); repeating it changes nothing',
    tags: ['supports'],
    response: supportAnswer,
    problems: [404, 409],
  })
  withdraw(@Param('id') id: string, @Req() request: FastifyRequest) {
    return this.change(id, request.caller!, false);
  }

  private async change(proposalId: string, caller: Caller, support: boolean): Promise<SupportAnswer> {
    const proposal = await this.proposals.require(proposalId);
    const edition = await this.es.load(editionStream(proposal.editionId), editionDecider);
    if (edition.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'edition', id: proposal.editionId });
    const { voter, district } = participant(caller, edition, this.config.voterKey);
    const command: SupportsCommand = support
      ? { type: 'GiveSupport', edition, voter, district, proposal }
      : { type: 'WithdrawSupport', edition, voter, proposalId };
    await this.es.execute(supportsStream(edition.editionId, voter), supportsDecider, command);
    const state = await this.es.load(supportsStream(edition.editionId, voter), supportsDecider);
    return {
      proposalId,
      supported: state.supported.includes(proposalId),
      supports: (await this.proposals.require(proposalId)).supports,
    };
  }
}
