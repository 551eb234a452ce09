import type { RoleChange } from '@decidimos/contracts/api/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@decidimos/contracts/events/catalog';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Grant or revoke a staff role by iD Digital subject (POST /api/roles/grant, /api/roles/revoke). */
export function changeRole({
  action,
  subject,
  role,
}: {
  action: 'grant' | 'revoke';
  subject: string;
  role: Role;
}): Promise<RoleChange> {
  return api.post<RoleChange>(`/api/roles/${action}`, { subject, role });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeRole,
    // The admin may have changed their own roles.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
