import { StatePage } from "@/components/state-page";

export default function NotFound() {
  return (
    <StatePage code="404" title="This page is not showing">
      The address may be mistyped, or what was here has been taken down.
    </StatePage>
  );
}
