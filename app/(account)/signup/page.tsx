import type { Metadata } from "next";
import Link from "@/components/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth-card";
import { EnhancedForm, Field, SubmitButton } from "@/components/form";
import { ProviderButtons } from "@/components/provider-buttons";
import { configuredProviders } from "@/lib/auth/providers";
import { readFormState, safeCallbackUrl } from "@/lib/forms/read-state";
import { PASSWORD_MIN } from "@/lib/users/schemas";
import { USERNAME_MAX, USERNAME_MIN } from "@/lib/users/username";

export const metadata: Metadata = { title: "Create an account" };
export const instant = false;

export default async function SignUpPage({ searchParams }: PageProps<"/signup">) {
  await connection();
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof sp.callbackUrl === "string" ? sp.callbackUrl : undefined);
  const state = await readFormState();
  const query = callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <AuthCard
      title="Create your account"
      intro="Write reviews, join the discussion and start earning badges."
      footer={
        <>
          Already a member? <Link href={`/signin${query}`}>Sign in</Link>
        </>
      }
    >
      <EnhancedForm action={`/api/signup${query}`} initial={state} testId="signup-form">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field
          name="username"
          label="Username"
          hint={`${USERNAME_MIN}–${USERNAME_MAX} letters, digits or underscores. It appears in your profile's address.`}
          autoComplete="username"
          required
        />
        <Field name="displayName" label="Display name (optional)" hint="How your name appears on reviews." autoComplete="name" />
        <Field name="email" label="Email" type="email" autoComplete="email" required />
        <Field
          name="password"
          label="Password"
          type="password"
          hint={`At least ${PASSWORD_MIN} characters, and not one of the most common passwords.`}
          autoComplete="new-password"
          required
        />
        <SubmitButton>Create account</SubmitButton>
      </EnhancedForm>
      <ProviderButtons providers={configuredProviders()} callbackUrl={callbackUrl} verb="Sign up" />
    </AuthCard>
  );
}
