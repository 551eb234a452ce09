import type { EventPayload, Role } from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';

/** A staff member's roles, granted and revoked by admins as events (auditable). */
export type StaffEvent =
  | { type: 'RoleGranted'; data: EventPayload<'RoleGranted'> }
  | { type: 'RoleRevoked'; data: EventPayload<'RoleRevoked'> };

export type StaffState = { roles: Role[] };

export type StaffCommand =
  | { type: 'GrantRole'; staff: string; role: Role; by: string }
  | { type: 'RevokeRole'; staff: string; role: Role; by: string };

export const staffDecider: Decider<StaffCommand, StaffEvent, StaffState> = {
  initialState: () => ({ roles: [] }),

  // Granting a role someone has, or revoking one they lack, changes nothing and records nothing.
  decide(command, state) {
    const has = state.roles.includes(command.role);
    const { staff, role, by } = command;
    if (command.type === 'GrantRole') return has ? [] : [{ type: 'RoleGranted', data: { staff, role, by } }];
    return has ? [{ type: 'RoleRevoked', data: { staff, role, by } }] : [];
  },

  evolve(state, event) {
    if (event.type === 'RoleGranted') return { roles: [...state.roles, event.data.role] };
    return { roles: state.roles.filter((r) => r !== event.data.role) };
  },
};
