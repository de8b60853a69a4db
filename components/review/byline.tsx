import Link from "@/components/link";
import { NewMarker } from "@/components/new-marker";
import { avatarUrl } from "@/lib/users/avatar";
import { formatDate } from "@/lib/format";
import type { ReviewCard } from "@/lib/reviews/queries";
import { viewsLabel } from "./views-label";

type Author = ReviewCard["author"];

export function AuthorName({ author }: { author: Author }) {
  if (!author) return <span className="byline__author byline__author--gone">deleted user</span>;
  return (
    <>
      <Link href={`/u/${author.username}`} className="byline__author">
        {author.name}
      </Link>
      <NewMarker isNew={author.isNew} />
    </>
  );
}

/** Avatar, author, date and the quiet counters under a review's title. */
export function Byline({
  author,
  publishedAt,
  readingMinutes,
  views,
  postId,
  edited,
}: {
  author: Author;
  publishedAt: Date | null;
  readingMinutes: number;
  views?: number;
  postId?: number;
  edited?: { href: string; label: string } | null;
}) {
  return (
    <p className="byline">
      <img src={author ? avatarUrl(author) : "/avatar/deleted"} alt="" width={32} height={32} className="avatar" />
      <span>
        by <AuthorName author={author} />
      </span>
      {publishedAt ? (
        <>
          <span aria-hidden="true">·</span>
          <time dateTime={publishedAt.toISOString()}>{formatDate(publishedAt)}</time>
        </>
      ) : null}
      {edited ? (
        <Link href={edited.href} className="byline__edited">
          {edited.label}
        </Link>
      ) : null}
      {views !== undefined ? (
        <>
          <span aria-hidden="true">·</span>
          <span data-views-for={postId}>{viewsLabel(views)}</span>
        </>
      ) : null}
      <span aria-hidden="true">·</span>
      <span>{readingMinutes} min read</span>
    </p>
  );
}
