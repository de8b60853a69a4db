// Pure predicates: who may do what. Verbs call them inside their transaction.
export type Actor = { id: string; role: "member" | "moderator" | "admin" };

const isStaff = (actor: Actor) => actor.role === "moderator" || actor.role === "admin";

export function canEditPost(actor: Actor, post: { authorId: string | null }): boolean {
  return post.authorId === actor.id || isStaff(actor);
}
