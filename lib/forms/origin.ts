// Route handlers get no Origin check from Next (server actions do): a state-changing POST must
// come from a page of this site. Browsers send Origin on every POST.
export function isSameOrigin(req: { headers: Headers }): boolean {
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  return !!expected && host.toLowerCase() === expected.toLowerCase();
}
