import { oauthProviders } from "@/lib/env";

export type ProviderChoice = { id: string; name: string };

/** The OAuth/OIDC providers configured on this server, in the order the sign-in page offers them. */
export function configuredProviders(): ProviderChoice[] {
  const p = oauthProviders();
  return [
    p.github ? { id: "github", name: "GitHub" } : null,
    p.google ? { id: "google", name: "Google" } : null,
    p.oidc ? { id: "oidc", name: p.oidc.name } : null,
  ].filter((x): x is ProviderChoice => x !== null);
}
