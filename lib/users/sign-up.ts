import { SqliteError } from "better-sqlite3";
import { writeTx, type DB } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { conflict } from "@/lib/errors";
import { isEmailTaken, isUsernameTaken } from "./queries";
import { SignUpInput } from "./schemas";
import { usernameKey } from "./username";

/** Creates a password account. Throws zod or Conflict errors; writes nothing on refusal. */
export async function signUp(db: DB, raw: unknown) {
  const input = SignUpInput.parse(raw);
  assertAvailable(db, input.username, input.email);
  // Hashing is slow and async, so it happens before the (synchronous) transaction.
  const passwordHash = await hashPassword(input.password);
  try {
    return writeTx(db, (tx) => {
      assertAvailable(tx as unknown as DB, input.username, input.email);
      return tx
        .insert(users)
        .values({
          username: input.username,
          usernameKey: usernameKey(input.username),
          name: input.displayName || input.username,
          email: input.email,
          passwordHash,
        })
        .returning({ id: users.id, username: users.username, sessionVersion: users.sessionVersion })
        .get();
    });
  } catch (err) {
    // Two sign-ups racing for one name: the unique index decides.
    if (err instanceof SqliteError && err.code === "SQLITE_CONSTRAINT_UNIQUE") {
      if (err.message.includes("email")) throw conflict("email", "An account with this email already exists.");
      throw conflict("username", "That username is taken.");
    }
    throw err;
  }
}

function assertAvailable(db: DB, username: string, email: string) {
  if (isUsernameTaken(db, username)) throw conflict("username", "That username is taken.");
  if (isEmailTaken(db, email)) throw conflict("email", "An account with this email already exists.");
}
