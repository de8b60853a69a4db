// The client address for throttling. Behind a reverse proxy, the first X-Forwarded-For hop.
export function clientAddress(req: { headers: Headers }): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip") || "local";
}
