/** Where the login with iD Digital Mty+ starts; the backend brings the person back to `returnTo`. */
export function loginUrl(returnTo: string): string {
  return `/auth/login?${new URLSearchParams({ returnTo }).toString()}`;
}
