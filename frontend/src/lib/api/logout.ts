import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api-client';

interface LogoutResponse {
  loggedOut: boolean;
  endSessionUrl: string | null;
}

export function logout(): Promise<LogoutResponse> {
  return api.post<LogoutResponse>('/auth/logout');
}

/** Ends the session here, then at iD Digital, which sends the person back to the home page. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: ({ endSessionUrl }) => {
      setCsrfToken(null);
      queryClient.clear();
      window.location.assign(endSessionUrl ?? '/');
    },
  });
}
