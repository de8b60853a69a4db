import type { Metadata } from "next";
import Link from "@/components/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth-card";
import { EnhancedForm, Field, SubmitButton } from "@/components/form";
import { ProviderButtons } from "@/components/provider-buttons";
import { configuredProviders } from "@/lib/auth/providers";
import { getCurrentUser } from "@/lib/auth/session";
import { readFormState, safeCallbackUrl } from "@/lib/forms/read-state";

export const metadata: Metadata = { title: "Sign in" };
// Per-viewer page: rendered on request, all at once, so it reads fully without JavaScript.
export const instant = false;

const AUTH_ERRORS: Record<string, string> = {
  Suspended: "This account is suspended. You cannot sign in.",
  OAuthAccountNotLinked: "That email already belongs to a Marquee account. Sign in with your password instead.",
  AccessDenied: "Sign-in was refused.",
  OAuthCallbackError: "The provider did not complete the sign-in. Please try again.",
  CredentialsSignin: "Wrong username, email or password.",
};

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  await connection();
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof sp.callbackUrl === "string" ? sp.callbackUrl : undefined);
  const [state, viewer] = await Promise.all([readFormState(), getCurrentUser()]);
  const errorCode = typeof sp.error === "string" ? sp.error : undefined;
  const providerError = errorCode ? (AUTH_ERRORS[errorCode] ?? "Sign-in did not work. Please try again.") : undefined;
  const query = callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <AuthCard
      title="Sign in"
      intro="Welcome back. Sign in with your username or email."
      footer={
        <>
          New to Marquee? <Link href={`/signup${query}`}>Create an account</Link>
        </>
      }
    >
      {viewer ? (
        <p className="notice" data-testid="already-signed-in">
          You are signed in as <strong>
            <bdi>{viewer.name}</bdi>
          </strong>. <Link href={callbackUrl}>Continue</Link>
        </p>
      ) : null}
      {providerError && !state ? (
        <p className="form-message" role="alert" data-testid="provider-error">
          {providerError}
        </p>
      ) : null}
      <EnhancedForm action={`/api/signin${query}`} initial={state} testId="signin-form">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field name="identifier" label="Username or email" autoComplete="username" required />
        <Field name="password" label="Password" type="password" autoComplete="current-password" required />
        <SubmitButton>Sign in</SubmitButton>
      </EnhancedForm>
      <ProviderButtons providers={configuredProviders()} callbackUrl={callbackUrl} verb="Sign in" />
    </AuthCard>
  );
}
