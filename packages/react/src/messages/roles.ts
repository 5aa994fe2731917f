/** Names of the dashboard roles, shared by `TeamTable`, `InviteUserForm` and `ApiKeysPanel`. */
export const roleMessages = {
  'team.role.owner': 'Owner',
  'team.role.admin': 'Admin',
  'team.role.support': 'Support',
  'team.role.compliance': 'Compliance',
  'team.role.moderator': 'Moderator',
  'team.role.viewer': 'Viewer',
} as const;
