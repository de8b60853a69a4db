import { users } from "@/db/schema";
import type { DB } from "@/db";
import type { Actor } from "@/lib/permissions";

export type Member = { id: string; username: string; role: Actor["role"]; createdAt: Date };

/** The demo members by username, as signed up: the seed's events look their authors up here. */
export class Cast {
  private constructor(private readonly byName: Map<string, Member>) {}

  static async load(db: DB): Promise<Cast> {
    const all = await db.select({ id: users.id, username: users.username, role: users.role, createdAt: users.createdAt }).from(users);
    return new Cast(new Map(all.map((u) => [u.username, u])));
  }

  member(username: string, where: string): Member {
    const m = this.byName.get(username);
    if (!m) throw new Error(`seed: ${where}: no demo member "${username}"`);
    return m;
  }

  actor(username: string, where: string): Actor {
    const m = this.member(username, where);
    return { id: m.id, role: m.role };
  }

  /** When each member joined, in ms, for the vote and view plans. */
  joined(): Map<string, number> {
    return new Map([...this.byName.values()].map((m) => [m.username, m.createdAt.getTime()]));
  }
}
