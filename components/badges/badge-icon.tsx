import type { Icon, Tier } from "@/lib/badges/catalog";

// One simple line drawing per kind of badge, in the tier's metal.
const PATHS: Record<Icon, string> = {
  upvotes: "M12 5l6 8h-4v6h-4v-6H6z",
  reviews: "M7 4h7l4 4v12H7zM14 4v4h4M9.5 12h6M9.5 15.5h6",
  comments: "M5 6h14v9H10l-4 3.5V15H5z",
  replies: "M10 8L5 12.5 10 17M5.5 12.5H14a5 5 0 015 5",
  views: "M3 12s3.5-6 9-6 9 6 9 6-3.5 6-9 6-9-6-9-6zM12 9.5a2.5 2.5 0 110 5 2.5 2.5 0 010-5z",
  edit: "M5 19l1-4 9.5-9.5 3 3L9 18zM13.5 7.5l3 3",
  score: "M12 4l2.3 4.9 5.2.6-3.9 3.6 1.1 5.2L12 15.7l-4.7 2.6 1.1-5.2-3.9-3.6 5.2-.6z",
  spoiler: "M4 12s3-5.5 8-5.5S20 12 20 12s-3 5.5-8 5.5S4 12 4 12zM5 19L19 5",
  "star-review": "M7 4h10v16l-5-3.5L7 20z",
  "star-comment": "M5 6h14v9H10l-4 3.5V15H5zM12 8.2l1 2 2.2.3-1.6 1.5.4 2.2-2-1.1-2 1.1.4-2.2-1.6-1.5 2.2-.3z",
  anniversary: "M6 8h12v11H6zM6 11.5h12M9 5v5M15 5v5",
};

export function BadgeIcon({ icon, tier, size = 40, muted = false }: { icon: Icon; tier: Tier; size?: number; muted?: boolean }) {
  return (
    <svg
      className={`badge-icon badge-icon--${tier}${muted ? " badge-icon--muted" : ""}`}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="11" className="badge-icon__disc" />
      <path d={PATHS[icon]} className="badge-icon__mark" />
    </svg>
  );
}
