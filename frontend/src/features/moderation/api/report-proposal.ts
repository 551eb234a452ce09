import { useMutation } from '@tanstack/react-query';
import type { ReportRequest } from '@decidimos/contracts/api/moderation';
import { createdResponse } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';

export async function reportProposal({ proposalId, report }: { proposalId: string; report: ReportRequest }) {
  return createdResponse.parse(await api.post(`/api/proposals/${encodeURIComponent(proposalId)}/reports`, report));
}

export function useReportProposal() {
  return useMutation({ mutationFn: reportProposal });
}
