// Pure predicates: who may do what. Verbs call them inside their transaction.
export type Actor = { id: string; role: "member" | "moderator" | "admin" };

const isStaff = (actor: Actor) => actor.role === "moderator" || actor.role === "admin";

export function canEditAuthored(actor: Actor, item: { authorId: string | null }): boolean {
  return item.authorId === actor.id || isStaff(actor);
}
