import Link from "@/components/link";

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((t) => (
        <li key={t}>
          <Link href={`/tags/${t}`}>#{t}</Link>
        </li>
      ))}
    </ul>
  );
}
