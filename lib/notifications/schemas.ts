import { z } from "zod";

/** One notice by id (a route's id, already known to be digits). */
export const NoticeInput = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export type NoticeInput = z.infer<typeof NoticeInput>;

/** The "Mark read" buttons: one notice, or all of them. */
export const ReadInput = z.union([z.object({ all: z.literal("1") }), NoticeInput]);
export type ReadInput = z.infer<typeof ReadInput>;
