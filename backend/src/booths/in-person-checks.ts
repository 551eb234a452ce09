import { Inject, Injectable } from '@nestjs/common';
import type { InPersonCredential } from '@decidimos/contracts';
import { CONFIG, type Config } from '../config/config';
import type { Edition } from '../editions/public-api';
import { eligibility, pseudonym, type PseudonymPurpose } from '../identity/public-api';
import { ProposalsReadModel } from '../proposals/public-api';
import { EventSourcing } from '../shared/event-sourcing.service';
import { supportsDecider, supportsStream } from '../supports/public-api';
import { BoothLoader } from './booth-loader';
import type { InPerson } from './domain/in-person';

/**
 * Gathers what the in-person rules (checkInPerson) judge, for every assisted route: the
 * booth (404 if it is not of this edition), the person's eligibility from the credential
 * the officer checked, and the districts the log already knows for the person.
 */
@Injectable()
export class InPersonChecks {
  constructor(
    private readonly es: EventSourcing,
    private readonly booths: BoothLoader,
    private readonly proposals: ProposalsReadModel,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async gather(edition: Edition, officer: string, boothId: string, credential: InPersonCredential): Promise<InPerson> {
    const booth = await this.booths.load(boothId, edition.editionId);
    const verdict = eligibility(
      { curp: credential.curp, birthdate: credential.birthdate, district: booth.district, resident: true },
      edition,
      new Date(),
    );
    // The person's supports (under their support pseudonym) name the district they already took part in.
    const { supported } = await this.es.load(
      supportsStream(edition.editionId, this.pseudonym('support', edition, credential)),
      supportsDecider,
    );
    const supportedPools = await Promise.all(supported.map(async (id) => (await this.proposals.require(id)).district));
    // A support of a citywide proposal says nothing of where the person lives.
    const knownDistricts = supportedPools.filter((pool) => pool !== edition.citywidePool?.id);
    return {
      booth,
      officer,
      now: new Date().toISOString(),
      curp: credential.curp,
      typedDistrict: credential.district ?? null,
      knownDistricts,
      residenceProof: credential.residenceProof ?? null,
      ineligible: verdict.eligible
        ? null
        : { reasonKey: verdict.reason, minAge: verdict.minAge, district: verdict.district },
    };
  }

  /** The person's pseudonym for `purpose`: the same one they have online, so limits hold across channels. */
  pseudonym(purpose: PseudonymPurpose, edition: Edition, credential: InPersonCredential): string {
    return pseudonym(this.config.voterKey, purpose, edition.editionId, credential.curp);
  }
}
