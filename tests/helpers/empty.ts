// Stands in for `server-only`, which throws when imported outside a server bundle.
export {};
