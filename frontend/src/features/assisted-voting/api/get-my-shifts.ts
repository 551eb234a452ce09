import { useQuery } from '@tanstack/react-query';
import { myShifts } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';

/** The officer's shifts: the form offers the booths of this edition where they are on shift now. */
export function useMyShifts() {
  return useQuery({ queryKey: ['my-shifts'], queryFn: async () => myShifts.parse(await api.get('/api/me/shifts')) });
}
