import type { QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../lib/api-client';

/**
 * Ends the person's session on the shared tablet and leaves nothing of theirs in the
 * browser: the session cookie (POST /auth/logout), every cached answer (their ballot, their
 * name), and everything in localStorage and sessionStorage (a ballot draft, the language).
 */
export async function endKioskSession(queryClient: QueryClient): Promise<void> {
  try {
    // Not the shell's logout, which then sends the browser to iD Digital's own logout page:
    // the tablet stays on the kiosk, and the next login asks iD Digital again (prompt=login).
    await api.post('/auth/logout');
  } catch {
    // The session may have expired already: there is nothing left of it to end.
  }
  setCsrfToken(null);
  queryClient.clear();
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage disabled: nothing was kept in it.
  }
}
