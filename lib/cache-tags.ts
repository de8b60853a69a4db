// Every cached component tags ALL_TAG too, so start-up can expire what an earlier database state rendered.
export const ALL_TAG = "all";
export const MEMBERS_TAG = "members";
export const userTag = (id: string) => `user:${id}`;
