import { TeamTable } from '@agentstack/react';

/**
 * The tenant's dashboard users. Owners and admins invite (a seat of the platform plan each; at the
 * limit the kit shows the upgrade prompt), change roles and remove people; support sees the team
 * read-only; other roles see a notice.
 */
export function TeamPage() {
  return (
    <>
      <div className="page-head">
        <div className="page-head__text">
          <h1 className="page-head__title">Team</h1>
          <p className="page-head__lede">Who can sign in to this dashboard, and what each person may do.</p>
        </div>
      </div>
      <TeamTable />
    </>
  );
}
