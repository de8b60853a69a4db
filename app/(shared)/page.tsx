import { cacheLife, cacheTag } from "next/cache";
import { getDb } from "@/lib/db";
import { ALL_TAG, MEMBERS_TAG } from "@/lib/cache/tags";
import { countMembers, listNewestMembers } from "@/lib/users/queries";
import { FeedTabs, FeedView } from "@/components/feed/feed-view";
import { HeroActions } from "@/components/hero-actions";
import { MemberCard } from "@/components/member-card";

// Shared page: fully static; the whole route must come from the cache.
export const ensureStatic = "navigation";

export default function HomePage() {
  return (
    <>
      <section className="hero">
        <h1>Long-form film reviews, written by people who stay for the credits.</h1>
        <p className="lede">
          Marquee is a reading room for film writing. Members publish considered reviews, keep every revision in the
          open, argue in threaded comments, and earn badges as their readers upvote them.
        </p>
        <HeroActions />
      </section>
      <div className="home-columns">
        <div>
          <FeedTabs current="hot" />
          <FeedView tab="hot" />
        </div>
        <aside>
          <Members />
        </aside>
      </div>
    </>
  );
}

async function Members() {
  "use cache";
  cacheTag(ALL_TAG, MEMBERS_TAG);
  cacheLife("max");
  const db = getDb();
  const [members, total] = await Promise.all([listNewestMembers(db, 8), countMembers(db)]);
  return (
    <section aria-labelledby="members-heading" className="members">
      <h2 id="members-heading" className="aside-title">The people writing here</h2>
      <p className="muted">
        {total === 1 ? "One member so far." : `${total} members so far.`} The newest ones first.
      </p>
      {members.length === 0 ? (
        <p>Nobody has joined yet. Be the first.</p>
      ) : (
        <ul className="member-grid">
          {members.map((m) => (
            <li key={m.id}>
              <MemberCard member={m} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
