export * from "./users";
export * from "./auth";
export * from "./films";
export * from "./reviews";
export * from "./comments";
export * from "./votes";
export * from "./notifications";
export * from "./badges";
