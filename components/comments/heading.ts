/**
 * "No comments yet" · "One response to “Title”" · "N comments": the count kept on the review. The
 * title, when named, comes apart from the words around it so that it can sit in a bidi isolate.
 */
export function commentsHeading(count: number, title: string): { lead: string; title: string | null; tail: string } {
  if (count === 0) return { lead: "No comments yet", title: null, tail: "" };
  if (count === 1) return { lead: "One response to “", title, tail: "”" };
  return { lead: `${count.toLocaleString("en-US")} comments`, title: null, tail: "" };
}

/** Counts a comment just put in the page into the discussion's heading (its count and title are on it). */
export function countPostedComment() {
  const heading = document.getElementById("comments-title");
  const count = Number(heading?.dataset.count);
  const title = heading?.dataset.title;
  if (!heading || !Number.isInteger(count) || title === undefined) return;
  heading.dataset.count = String(count + 1);
  const words = commentsHeading(count + 1, title);
  // Built as nodes, as the server renders it: the title is text in its own <bdi>, never markup.
  const isolate = words.title === null ? [] : [Object.assign(document.createElement("bdi"), { textContent: words.title })];
  heading.replaceChildren(words.lead, ...isolate, words.tail);
}
