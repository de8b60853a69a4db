import Link from "@/components/link";
import type { PublicUser } from "@/lib/users/queries";
import { NewMarker } from "@/components/new-marker";
import { avatarUrl } from "@/lib/users/avatar";
import { formatMonthYear } from "@/lib/format";

const ROLE_LABEL = { admin: "Admin", moderator: "Moderator", member: null } as const;

export function MemberCard({ member }: { member: PublicUser }) {
  const role = ROLE_LABEL[member.role];
  return (
    <article className="member-card">
      <img src={avatarUrl(member)} alt="" width={48} height={48} className="avatar" loading="lazy" />
      <div>
        <h3 className="member-card__name">
          <Link href={`/u/${member.username}`}>
            <bdi>{member.name}</bdi>
          </Link>
          <NewMarker isNew={member.isNew} /> {role ? <span className="role-pill">{role}</span> : null}
        </h3>
        <p className="member-card__meta">
          @{member.username} · joined {formatMonthYear(member.createdAt)}
        </p>
        {member.bio ? <p className="member-card__bio">{member.bio}</p> : null}
      </div>
    </article>
  );
}
