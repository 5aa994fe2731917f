/** Messages of `InviteUserForm`. */
export const inviteUserFormMessages = {
  'team.roleHint.owner': 'Everything, including managing other owners.',
  'team.roleHint.admin': 'Manages the team, API keys and products.',
  'team.roleHint.support': 'Sees products and the team; changes nothing.',
  'team.roleHint.compliance': 'Reviews products and compliance data.',
  'team.roleHint.moderator': 'Moderates community content.',
  'team.roleHint.viewer': 'Read-only access to products and reports.',
  'team.form.title': 'Invite a team member',
  'team.form.emailLabel': 'Email',
  'team.form.nameLabel': 'Name',
  'team.form.roleLabel': 'Role',
  'team.form.inviteHint':
    'They get a link to choose their own password. It works once and expires in 7 days.',
  'team.form.submit': 'Invite',
  'team.form.submitting': 'Inviting…',
  'team.invite.title': 'Send {{name}} this invitation link',
  'team.invite.warning':
    'Copy the link and send it to {{email}}: it is shown only once. Anyone with the link can join as them.',
  'team.invite.sentTitle': 'Invitation emailed to {{email}}',
  'team.invite.sentNote': 'If it does not arrive, send them this link. It is shown only once.',
  'team.invite.failedTitle': 'Could not email {{email}}',
  'team.invite.label': 'Invitation link',
  'team.invite.copy': 'Copy link',
  'team.invite.copied': 'Copied to the clipboard.',
  'team.invite.copyFailed': 'Could not copy: select the link and copy it yourself.',
  'team.invite.done': 'Done',
} as const;
