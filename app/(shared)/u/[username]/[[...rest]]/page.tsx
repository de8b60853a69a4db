import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cacheLife, cacheTag } from "next/cache";
import { ProfileView, type ProfileTab } from "@/components/profile/profile-view";
import { getDb } from "@/lib/db";
import { ALL_TAG, MEMBERS_TAG, userTag } from "@/lib/cache/tags";
import { getBoard } from "@/lib/badges/queries";
import { listFeed } from "@/lib/reviews/queries";
import { parseProfileRest as parseRest, type ProfileWhere as Where } from "@/lib/pages/address";
import { getProfile, listMemberComments, type Profile } from "@/lib/users/queries";

// Shared page: a member's profile, static and cached until something of theirs changes.
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ username: "_", rest: [] }];
}

async function load(username: string, where: Where): Promise<{ profile: Profile; tab: ProfileTab } | null> {
  "use cache";
  cacheLife("max");
  const db = getDb();
  const profile = await getProfile(db, username);
  // An unknown name may be taken by the next member to join.
  cacheTag(ALL_TAG, profile ? userTag(profile.id) : MEMBERS_TAG);
  if (!profile || profile.suspendedAt) return null;
  if (where.kind === "reviews") {
    const { items, nextCursor } = await listFeed(db, { tab: "new", authorId: profile.id, cursor: where.cursor });
    return { profile, tab: { kind: "reviews", items, next: nextCursor } };
  }
  if (where.kind === "badges") return { profile, tab: { kind: "badges", board: (await getBoard(db, profile.id))! } };
  const { items, next } = await listMemberComments(db, profile.id, where.before);
  return { profile, tab: { kind: "comments", items, next } };
}

export async function generateMetadata({ params }: PageProps<"/u/[username]/[[...rest]]">): Promise<Metadata> {
  const { username, rest } = await params;
  const where = parseRest(rest);
  const data = where ? await load(username, where) : null;
  if (!data) return {};
  return {
    title: `${data.profile.name} (@${data.profile.username})`,
    description: data.profile.bio || `${data.profile.name} writes film reviews on Marquee.`,
    alternates: { canonical: `/u/${data.profile.username}` },
  };
}

export default async function ProfilePage({ params }: PageProps<"/u/[username]/[[...rest]]">) {
  const { username, rest } = await params;
  const where = parseRest(rest);
  const data = where ? await load(username, where) : null;
  if (!where || !data) notFound();
  const first = where.kind === "reviews" ? !where.cursor : where.kind === "comments" ? !where.before : true;
  const path = `/u/${[username, ...(rest ?? [])].map(encodeURIComponent).join("/")}`;
  return <ProfileView profile={data.profile} tab={data.tab} first={first} path={path} />;
}
