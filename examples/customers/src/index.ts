// @acme/dub-customers: an example extension package; see README.md.
export {
  type Customer,
  customer,
  listCustomers,
  listCustomersOperation,
  listCustomersQuery,
} from "./list-customers.js";
