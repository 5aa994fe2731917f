import { TeamTable } from '@agentstack/react';
import { PageHead } from '../PageHead';

/**
 * The tenant's dashboard users. Owners and admins invite (a seat of the platform plan each; at the
 * limit the kit shows the upgrade prompt), change roles and remove people (after a confirmation);
 * support sees the team read-only; other roles see a notice.
 */
export function TeamPage() {
  return (
    <>
      <PageHead title="Team" lede="Who can sign in to this dashboard, and what each person may do." />
      <TeamTable />
    </>
  );
}
