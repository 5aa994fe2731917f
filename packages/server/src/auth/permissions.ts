// The permission table lives in the shared contract so the server, the mocks and the React kit agree.
export {
  AGENCY_PERMISSIONS,
  CUSTOMER_PERMISSIONS,
  isStorefront,
  OPERATOR_PERMISSIONS,
  PERMISSIONS,
  type Permission,
  PUBLISHABLE_PERMISSIONS,
  permissionsOf,
  ROLE_PERMISSIONS,
  VENDOR_PERMISSIONS,
} from '@agentstack/sdk/catalog';
