/** Names of the product statuses, shared by `ProductTable` and `CreateProductForm`. */
export const productStatusMessages = {
  'products.status.draft': 'Draft',
  'products.status.active': 'Active',
  'products.status.archived': 'Archived',
} as const;
