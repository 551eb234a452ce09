/** One staff member's roles, by staff pseudonym. */
export const staffStream = (staff: string) => `staff-${staff}`;
