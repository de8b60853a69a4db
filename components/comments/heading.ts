/** "No comments yet" · "One response to “Title”" · "N comments": the count kept on the review. */
export function commentsHeading(count: number, title: string): string {
  if (count === 0) return "No comments yet";
  if (count === 1) return `One response to “${title}”`;
  return `${count.toLocaleString("en-US")} comments`;
}

/** Counts a comment just put in the page into the discussion's heading (its count and title are on it). */
export function countPostedComment() {
  const heading = document.getElementById("comments-title");
  const count = Number(heading?.dataset.count);
  const title = heading?.dataset.title;
  if (!heading || !Number.isInteger(count) || title === undefined) return;
  heading.dataset.count = String(count + 1);
  heading.textContent = commentsHeading(count + 1, title);
}
