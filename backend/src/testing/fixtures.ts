import { randomBytes } from 'node:crypto';
import { ballotCommitment, type CreateEditionRequest, type SubmitProposalRequest } from '@decidimos/contracts';
import type { Client } from './test-system';

export function editionBody(overrides: Partial<CreateEditionRequest> = {}): CreateEditionRequest {
  return {
    title: 'Presupuesto Participativo 2027',
    description: 'Edición de prueba',
    districts: [
      { id: 'centro', name: 'Centro', budget: 5_000_000 },
      { id: 'norte', name: 'Norte', budget: 3_000_000 },
    ],
    rules: { proposals: { perResident: 3, minCost: 10_000, maxCost: 5_000_000 } },
    ...overrides,
  };
}

export function proposalBody(overrides: Partial<SubmitProposalRequest> = {}): SubmitProposalRequest {
  return {
    title: 'Luminarias en la Alameda',
    description: 'Cambiar las luminarias de la Alameda por tecnología LED.',
    district: 'centro',
    estimatedCost: 450_000,
    category: 'alumbrado',
    ...overrides,
  };
}

/** Creates an edition as admin and advances it through the given phases. */
export async function createEdition(admin: Client, phases: string[] = [], body = editionBody()): Promise<string> {
  const created = await admin.post('/api/processes', body);
  if (created.status !== 201) throw new Error(`create edition: ${created.status} ${JSON.stringify(created.body)}`);
  for (const to of phases) {
    const advanced = await admin.post(`/api/processes/${created.body.id}/phase`, { to });
    if (advanced.status !== 200)
      throw new Error(`advance to ${to}: ${advanced.status} ${JSON.stringify(advanced.body)}`);
  }
  return created.body.id as string;
}

/** A ballot's commitment and sealed selections as the cast handler records them, for seeding a history. */
export function sealedBallot(selections: string[], salt = randomBytes(32).toString('hex')) {
  return { commitment: ballotCommitment(salt, selections), sealed: { selections, salt } };
}

/**
 * A recorded ballot's commitment and sealed selections, whatever salt the handler drew,
 * for expectNewEvents (reading the event back checks the commitment against them).
 */
export function anySealedBallot(selections: string[]) {
  const hex32 = expect.stringMatching(/^[0-9a-f]{64}$/);
  return { commitment: hex32, sealed: { selections, salt: hex32 } };
}
