import { CONTENT_EVENT } from "../static-html-block";
import { countPostedComment } from "./heading";

/**
 * Puts a comment just posted at the top of `list`'s replies (a new list is made after `after`
 * when there is none yet), counts it in the heading, makes it the page's target, and lets the
 * page's script mark it as the viewer's own.
 */
export function showPosted(html: string, id: number, parent: Element, after: Element | null) {
  let list = parent.querySelector(":scope > ol.comment-list");
  if (!list) {
    list = document.createElement("ol");
    list.className = "comment-list";
    if (after) after.after(list);
    else parent.append(list);
  }
  const item = document.createElement("li");
  item.innerHTML = html;
  list.prepend(item);
  countPostedComment();
  window.location.hash = `comment-${id}`;
  parent.dispatchEvent(new CustomEvent(CONTENT_EVENT, { bubbles: true }));
}
