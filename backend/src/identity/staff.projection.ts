import type { Role } from '@decidimos/contracts';
import { projectionOf } from '../projections/projection';

export interface StaffDoc {
  id: string;
  roles: Role[];
}

export const STAFF = 'staff';

/** Roles granted by admins, keyed by staff pseudonym. */
export const staffProjection = projectionOf({
  name: 'staff',
  collections: [STAFF],
  eventTypes: ['RoleGranted', 'RoleRevoked'],
  async apply(event, store) {
    if (event.type !== 'RoleGranted' && event.type !== 'RoleRevoked') return;
    const staff = store.collection<StaffDoc>(STAFF);
    const doc = (await staff.get(event.data.staff)) ?? { id: event.data.staff, roles: [] };
    const roles = doc.roles.filter((r) => r !== event.data.role);
    if (event.type === 'RoleGranted') roles.push(event.data.role);
    await staff.upsert(doc.id, { id: doc.id, roles: roles.sort() }, { position: event.position });
  },
});
