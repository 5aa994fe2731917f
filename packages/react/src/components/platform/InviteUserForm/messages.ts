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
  'team.form.passwordLabel': 'Initial password',
  'team.form.passwordHint':
    'At least {{min}} characters. Share it securely; they can change it after signing in.',
  'team.form.passwordTooShort': 'Use at least {{min}} characters.',
  'team.form.submit': 'Add member',
  'team.form.submitting': 'Adding…',
  'team.form.created': '{{name}} was added to the team.',
} as const;
