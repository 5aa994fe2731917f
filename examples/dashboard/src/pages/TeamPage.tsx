import {
  ErrorNotice,
  TeamTable,
  useAgentStackClient,
  useInvitations,
  useMe,
  useRevokeInvitation,
} from '@agentstack/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { PageHead } from '../PageHead';

/**
 * The tenant's dashboard users. Owners and admins invite (a one-time link the invitee opens to
 * choose a password; a seat of the platform plan each; at the limit the kit shows the upgrade
 * prompt), change roles and remove people (after a confirmation); support sees the team
 * read-only; other roles see a notice. Pending invitations are listed under the team.
 */
export function TeamPage() {
  return (
    <>
      <PageHead title="Team" lede="Who can sign in to this dashboard, and what each person may do." />
      <TeamTable />
      <PendingInvitations />
      <Outbox />
    </>
  );
}

/** Invitations not yet accepted, each revocable (after a confirmation) by those who may invite. */
function PendingInvitations() {
  const id = useId();
  const me = useMe();
  const permissions = me.data?.permissions ?? [];
  const pending = useInvitations({ limit: 50 }, { enabled: permissions.includes('platform:users:read') });
  const revoke = useRevokeInvitation();
  const [confirming, setConfirming] = useState<string | null>(null);
  const canRevoke = permissions.includes('platform:users:write');
  const invitations = pending.data?.data ?? [];
  if (invitations.length === 0) return null;
  return (
    <section className="as-card team-invitations" aria-labelledby={`${id}-title`}>
      <h2 className="as-form__title" id={`${id}-title`}>
        Pending invitations
      </h2>
      <ul className="team-invitations__list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="team-invitations__item">
            <span>
              {invitation.name} · {invitation.email} · {invitation.role} · expires{' '}
              {new Date(invitation.expiresAt).toLocaleDateString()}
            </span>
            {canRevoke ? (
              confirming === invitation.id ? (
                <span>
                  Revoke this invitation? Its link stops working.{' '}
                  <button
                    type="button"
                    className="as-button as-button--danger"
                    aria-busy={revoke.isPending || undefined}
                    onClick={() => revoke.mutate(invitation.id, { onSettled: () => setConfirming(null) })}
                  >
                    Revoke
                  </button>{' '}
                  <button
                    type="button"
                    className="as-button as-button--ghost"
                    onClick={() => setConfirming(null)}
                  >
                    Keep
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="as-button as-button--secondary"
                  aria-label={`Revoke the invitation of ${invitation.name}`}
                  onClick={() => setConfirming(invitation.id)}
                >
                  Revoke…
                </button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
    </section>
  );
}

/**
 * The development outbox (`npm start` runs the server with `--email-outbox`): the invitation
 * emails the server kept instead of sending them, for owners. Hidden when the server keeps no
 * outbox (`enabled: false`), holds no email yet, or the caller is not an owner.
 */
function Outbox() {
  const id = useId();
  const client = useAgentStackClient();
  const me = useMe();
  const allowed = (me.data?.permissions ?? []).includes('platform:outbox:read');
  const pending = useInvitations({ limit: 50 }, { enabled: allowed });
  const outbox = useQuery({
    queryKey: ['dashboard', 'outbox'],
    queryFn: () => client.platform.outbox.list(),
    enabled: allowed,
    retry: false,
  });
  // A new invitation (the pending list changes) may have added an email.
  const { refetch } = outbox;
  useEffect(() => {
    if (pending.dataUpdatedAt) void refetch();
  }, [pending.dataUpdatedAt, refetch]);
  const messages = outbox.data?.data ?? [];
  if (!allowed || !outbox.data?.enabled || messages.length === 0) return null;
  return (
    <section className="as-card team-invitations" aria-labelledby={`${id}-title`}>
      <h2 className="as-form__title" id={`${id}-title`}>
        Outbox (development)
      </h2>
      <p className="as-hint">
        This server keeps emails in memory instead of sending them. Their links are credentials: share them
        only with the person invited.
      </p>
      <ul className="team-invitations__list">
        {messages.map((message) => {
          const link = /\S*#\/accept\?token=\S+/.exec(message.text)?.[0];
          return (
            <li key={message.id} className="team-invitations__item">
              <details className="outbox__message">
                <summary>
                  {message.subject} · to {message.toName} &lt;{message.to}&gt; ·{' '}
                  {new Date(message.sentAt).toLocaleString()}
                </summary>
                <pre className="outbox__text">{message.text}</pre>
                {link ? (
                  <a className="as-button as-button--secondary" href={link}>
                    Open the invitation link
                  </a>
                ) : null}
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
