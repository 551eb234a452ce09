import { Readable } from 'node:stream';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { parseReceipt, receiptProof, treeHeadsDocument } from '@decidimos/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../http/access';
import { notModified } from '../http/download-cache';
import { Endpoint } from '../http/endpoint';
import { ValidationFailed } from '../http/validation';
import { EditionsReadModel } from '../editions/public-api';
import { AuditService } from './audit.service';

@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly editions: EditionsReadModel,
  ) {}

  @Get('api/processes/:id/audit/export')
  @Access('public')
  @Endpoint({
    summary: "The edition's events as JSON Lines, in log order: each line is a leaf of the edition's Merkle tree",
    tags: ['audit'],
    produces: 'application/jsonl',
    alsoReturns: [304],
    problems: [404],
  })
  async export(@Param('id') editionId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.editions.require(editionId);
    const version = await this.audit.exportVersion(editionId);
    if (notModified(request, reply, version)) return reply.send();
    void reply
      .header('content-type', 'application/jsonl; charset=utf-8')
      .header('content-disposition', `attachment; filename="${editionId}.jsonl"`);
    // A byte stream, so it reads the next page only once the client has taken the last one.
    return reply.send(Readable.from(this.audit.exportChunks(editionId, version.size), { objectMode: false }));
  }

  @Get('api/processes/:id/audit/openings')
  @Access('public')
  @Endpoint({
    summary:
      'Once voting has closed, the opening of each ballot that counts (the last of each voter), as JSON Lines { ballotId, selections, salt }: 409 BALLOTS_SEALED before',
    tags: ['audit'],
    produces: 'application/jsonl',
    alsoReturns: [304],
    problems: [404, 409],
  })
  async openings(@Param('id') editionId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.editions.require(editionId);
    const version = await this.audit.openingsVersion(editionId);
    if (notModified(request, reply, version)) return reply.send();
    void reply
      .header('content-type', 'application/jsonl; charset=utf-8')
      .header('content-disposition', `attachment; filename="${editionId}-openings.jsonl"`);
    return reply.send(Readable.from(this.audit.openingsChunks(editionId, version.closedAt), { objectMode: false }));
  }

  @Get('api/processes/:id/audit/tree-heads')
  @Access('public')
  @Endpoint({
    summary: 'The signed tree heads so far, the public key that verifies them, and consistency proofs between them',
    tags: ['audit'],
    response: treeHeadsDocument,
    problems: [404],
  })
  async treeHeads(@Param('id') editionId: string) {
    await this.editions.require(editionId);
    return this.audit.treeHeads(editionId);
  }

  @Get('api/receipts/:receipt')
  @Access('public')
  @Endpoint({
    summary: 'Inclusion proof of a ballot receipt against the latest signed tree head',
    tags: ['audit'],
    response: receiptProof,
    problems: [404],
  })
  async receipt(@Param('receipt') receipt: string) {
    const parsed = parseReceipt(receipt);
    if (!parsed) {
      throw new ValidationFailed([
        { path: 'receipt', message: 'a receipt is the ballot id and its leaf hash joined by a dot' },
      ]);
    }
    return this.audit.receipt(receipt, parsed);
  }
}
