export const viewsLabel = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "view" : "views"}`;
