// A person's avatar: an uploaded or provider image when there is one, else one generated from the username.
export function avatarUrl(user: { username: string; image: string | null }): string {
  return user.image ?? `/avatar/${encodeURIComponent(user.username.toLowerCase())}`;
}
