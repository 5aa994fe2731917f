import { customerOperations } from '../../contract/commerce/customers';
import {
  isDefaultAddress,
  requireAddressSlot,
  requirePasswordPair,
  shopperOrderView,
} from '../../contract/commerce/rules';
import { ProblemError } from '../../contract/problem';
import type { Customer, CustomerSession } from '../../schemas/commerce/customer';
import { newId } from '../../schemas/ids';
import { findById, now, orderBy, paginate } from '../collection';
import type { MockCustomer, MockCustomerAddress, MockDb } from '../db';
import { type Caller, mockResource } from '../pipeline';
import { randomToken } from '../problems';
import { shopperOrder } from './orders';

const DAY = 24 * 3_600_000;
const ORDER_FIELDS = { createdAt: (c: Customer) => c.createdAt, email: (c: Customer) => c.email };

/** The wire customer: the model's without its password. */
function wire(customer: MockCustomer): Customer {
  const { password: _, ...rest } = customer;
  return rest;
}

function invalidCredentials(detail = 'The email or password is not correct.'): ProblemError {
  return new ProblemError(401, 'invalid_credentials', detail);
}

function expired(): ProblemError {
  return new ProblemError(401, 'session_expired', 'This session is not valid; sign in again.');
}

/** The signed-in shopper, as the server resolves it (only customer tokens act on `/me`). */
function me(db: MockDb, caller: Caller): MockCustomer {
  if (caller.kind !== 'customer' || !caller.customerId) {
    throw new ProblemError(403, 'forbidden', 'Only a signed-in customer token acts on its own account.');
  }
  const customer = db.customers.find((c) => c.id === caller.customerId);
  if (!customer) throw expired();
  return customer;
}

function openSession(db: MockDb, customer: MockCustomer): CustomerSession {
  const token = randomToken('cst_');
  const expiresAt = new Date(Date.now() + DAY).toISOString();
  db.customerSessions.set(token, { customerId: customer.id, expiresAt });
  customer.lastLoginAt = now();
  return { object: 'customer_session', token, expiresAt, customer: wire(customer) };
}

/** One of the signed-in customer's addresses; another's is `404`, as on the server. */
function ownAddress(db: MockDb, customer: MockCustomer, id: string): MockCustomerAddress {
  const address = db.customerAddresses.find((a) => a.id === id && a.customerId === customer.id);
  if (!address)
    throw new ProblemError(404, 'not_found', `No customer address with id '${id}'.`, { param: 'id' });
  return address;
}

function wireAddress({ customerId: _, ...address }: MockCustomerAddress) {
  return address;
}

/** `/v1/commerce/customers` in memory. Sign-up codes are kept in `db.customerSignUps` (no email). */
export const customerMocks = mockResource(customerOperations, {
  signUp({ db, body, tenant }) {
    tenant();
    const email = body.email.trim().toLowerCase();
    const expiresAt = new Date(Date.now() + DAY).toISOString();
    if (!db.customers.some((c) => c.email === email)) {
      db.customerSignUps.set(randomToken('cvt_'), {
        email,
        name: body.name || null,
        password: body.password,
        expiresAt,
      });
    }
    return { object: 'customer_sign_up', email, delivery: { status: 'not_configured' }, expiresAt };
  },
  verify({ db, body, tenant }) {
    tenant();
    const pending = db.customerSignUps.get(body.token);
    if (!pending || Date.parse(pending.expiresAt) <= Date.now()) {
      throw invalidCredentials('This sign-up code is not valid: unknown, used or expired.');
    }
    db.customerSignUps.delete(body.token);
    if (db.customers.some((c) => c.email === pending.email)) {
      throw new ProblemError(409, 'conflict', 'This email address has an account already: sign in instead.');
    }
    for (const [code, other] of db.customerSignUps)
      if (other.email === pending.email) db.customerSignUps.delete(code);
    const at = now();
    const customer: MockCustomer = {
      id: newId('cus'),
      object: 'customer',
      email: pending.email,
      name: pending.name,
      phone: null,
      metadata: {},
      createdAt: at,
      updatedAt: at,
      lastLoginAt: null,
      password: pending.password,
    };
    db.customers.push(customer);
    return openSession(db, customer);
  },
  signIn({ db, body, tenant }) {
    tenant();
    const email = body.email.trim().toLowerCase();
    const customer = db.customers.find((c) => c.email === email);
    if (!customer || customer.password !== body.password) throw invalidCredentials();
    return openSession(db, customer);
  },
  signOut({ db, caller, tenant, request }) {
    me(db, tenant());
    const token = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? caller?.token ?? '';
    db.customerSessions.delete(token);
    return { object: 'customer_session', revoked: true };
  },
  me: ({ db, tenant }) => wire(me(db, tenant())),
  updateMe({ db, body, tenant, caller }) {
    const customer = me(db, tenant());
    if (requirePasswordPair(body)) {
      if (body.currentPassword !== customer.password) {
        throw new ProblemError(401, 'invalid_credentials', 'The current password is not correct.', {
          param: 'currentPassword',
        });
      }
      customer.password = body.password as string;
      for (const [token, session] of db.customerSessions) {
        if (session.customerId === customer.id && token !== caller?.token) db.customerSessions.delete(token);
      }
    }
    if (body.name !== undefined) customer.name = body.name || null;
    if (body.phone !== undefined) customer.phone = body.phone || null;
    customer.updatedAt = now();
    return wire(customer);
  },
  listAddresses({ db, tenant, query }) {
    const customer = me(db, tenant());
    const own = db.customerAddresses.filter((a) => a.customerId === customer.id).map(wireAddress);
    return paginate(own, query, orderBy('createdAt', { createdAt: (a) => a.createdAt }));
  },
  createAddress({ db, tenant, body }) {
    const customer = me(db, tenant());
    const own = db.customerAddresses.filter((a) => a.customerId === customer.id);
    requireAddressSlot(own.length);
    const isDefault = isDefaultAddress(body.isDefault, own.length);
    if (isDefault) for (const a of own) a.isDefault = false;
    const at = now();
    const address: MockCustomerAddress = {
      id: newId('cad'),
      object: 'customer_address',
      customerId: customer.id,
      address: body.address,
      isDefault,
      createdAt: at,
      updatedAt: at,
    };
    db.customerAddresses.push(address);
    return wireAddress(address);
  },
  updateAddress({ db, tenant, params, body }) {
    const customer = me(db, tenant());
    const address = ownAddress(db, customer, params.id);
    if (body.isDefault) {
      for (const a of db.customerAddresses) if (a.customerId === customer.id) a.isDefault = false;
      address.isDefault = true;
    }
    if (body.address) address.address = body.address;
    address.updatedAt = now();
    return wireAddress(address);
  },
  deleteAddress({ db, tenant, params }) {
    const customer = me(db, tenant());
    const address = ownAddress(db, customer, params.id);
    db.customerAddresses = db.customerAddresses.filter((a) => a !== address);
    return { id: address.id, object: 'customer_address', deleted: true };
  },
  listOrders({ db, tenant, query }) {
    const customer = me(db, tenant());
    const own = db.orders.filter(
      (o) => o.customerId === customer.id && (query.status === undefined || o.status === query.status),
    );
    const page = paginate(own, query);
    return { ...page, data: page.data.map((o) => shopperOrderView(shopperOrder(db, o), customer.id)) };
  },
  retrieveOrder({ db, tenant, params }) {
    const customer = me(db, tenant());
    const order = db.orders.find((o) => o.id === params.id && o.customerId === customer.id);
    if (!order) throw new ProblemError(404, 'not_found', `No order with id '${params.id}'.`, { param: 'id' });
    return shopperOrderView(shopperOrder(db, order), customer.id);
  },
  list({ db, tenant, query }) {
    tenant();
    const email = query.email?.trim().toLowerCase();
    const rows = db.customers.filter((c) => !email || c.email === email).map(wire);
    return paginate(rows, query, orderBy(query.order ?? '-createdAt', ORDER_FIELDS));
  },
  retrieve: ({ db, tenant, params }) => {
    tenant();
    return wire(findById(db.customers, params.id, 'customer'));
  },
  update({ db, tenant, params, body }) {
    tenant();
    const customer = findById(db.customers, params.id, 'customer');
    if (body.name !== undefined) customer.name = body.name || null;
    if (body.phone !== undefined) customer.phone = body.phone || null;
    if (body.metadata !== undefined) customer.metadata = body.metadata;
    customer.updatedAt = now();
    return wire(customer);
  },
});
