/** Messages of `PlanBadge`. */
export const planBadgeMessages = {
  'plan.badgeLabel': '{{domain}} plan: {{name}}',
  'plan.none': 'No plan',
} as const;
