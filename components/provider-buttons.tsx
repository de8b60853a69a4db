import type { ProviderChoice } from "@/lib/auth/providers";

export function ProviderButtons({ providers, callbackUrl, verb }: { providers: ProviderChoice[]; callbackUrl: string; verb: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="providers">
      <p className="providers__or">
        <span>or</span>
      </p>
      {providers.map((p) => (
        <form key={p.id} method="post" action="/api/signin/provider">
          <input type="hidden" name="provider" value={p.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className="button button--wide">
            {verb} with {p.name}
          </button>
        </form>
      ))}
    </div>
  );
}
