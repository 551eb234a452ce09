import type { Role } from '@decidimos/contracts';
import type { ReadModelStore } from '../read-models/read-model.port';
import { STAFF, type StaffDoc } from './staff.projection';

/** The roles admins have granted a staff member (by staff pseudonym), as the staff read model holds them. */
export async function grantedRoles(readModels: ReadModelStore, staff: string): Promise<Role[]> {
  return (await readModels.collection<StaffDoc>(STAFF).get(staff))?.roles ?? [];
}
