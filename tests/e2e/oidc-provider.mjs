// A real OpenID Provider for the end-to-end suite (npm `oidc-provider`, test-only).
// Its development interactions accept any login; the consent page has one "Continue" button.
// Marquee is browsed at http://localhost:3100, so that is the registered callback (notes pitfall 7).
import Provider from "oidc-provider";

const HOST = "127.0.0.1";
const PORT = Number(process.env.OIDC_PORT ?? 3200);
const ISSUER = `http://${HOST}:${PORT}`;

// playwright.config.ts passes the same values to Marquee and to this process.
const CLIENT_ID = process.env.OIDC_CLIENT_ID ?? "marquee-e2e";
const CLIENT_SECRET = process.env.OIDC_CLIENT_SECRET ?? "marquee-e2e-client-secret";
const CALLBACK = process.env.OIDC_CALLBACK ?? "http://localhost:3100/api/auth/callback/oidc";

/**
 * The profile for a login name: "cinephile-ada" → name "Cinéphile Ada", email cinephile-ada@oidc.test.
 * The accent makes Marquee derive a username from a non-ASCII name (oidc.spec.ts relies on this rule).
 */
function profileFor(sub) {
  const words = String(sub)
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((w) => (w.toLowerCase() === "cinephile" ? "Cinéphile" : w.charAt(0).toUpperCase() + w.slice(1)));
  return {
    sub,
    email: `${String(sub).toLowerCase()}@oidc.test`,
    email_verified: true,
    name: words.join(" ") || String(sub),
  };
}

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [CALLBACK],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Put email and name into the ID token too: Auth.js reads the OIDC profile from it.
  conformIdTokenClaims: false,
  cookies: { keys: ["marquee-e2e-oidc-cookie-key"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return profileFor(sub);
      },
    };
  },
});

const server = provider.listen(PORT, HOST, () => {
  console.log(`oidc-provider (e2e): issuer ${ISSUER}, client ${CLIENT_ID}, callback ${CALLBACK}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
