// entities: users, products, inventory and reviews joined through @key: two keys on User
// (id, email), a composite nested key on Product (sku variant { id }) beside a simple one (upc),
// and a resolvable: false reference (products only knows a seller's email).
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7",
    import: ["@key", "@shareable"])`;

const users = [
    { id: "1", email: "ada@example.com", name: "Ada", org: "o1" },
    { id: "2", email: "bob@example.com", name: "Bob", org: "o1" },
    { id: "3", email: "cy@example.com", name: "Cy", org: "o2" },
];
const orgs = { o1: { id: "o1", name: "Acme" }, o2: { id: "o2", name: "Globex" } };
const products = [
    { upc: "1", sku: "S-1", variant: { id: "v1" }, name: "Table", seller: "ada@example.com" },
    { upc: "2", sku: "S-1", variant: { id: "v2" }, name: "Oak table", seller: "bob@example.com" },
    { upc: "3", sku: "S-3", variant: { id: "v1" }, name: "Chair", seller: null },
];
const stock = { "S-1/v1": 5, "S-1/v2": 0, "S-3/v1": 12 };
const reviews = [
    { id: "r1", body: "Great", author: "1", product: "1" },
    { id: "r2", body: "Meh", author: "2", product: "1" },
    { id: "r3", body: "Solid", author: "1", product: "3" },
];
const userOut = (u) => u && { ...u, org: orgs[u.org] };
const productByKey = (ref) =>
    products.find((p) => (ref.upc !== undefined ? p.upc === ref.upc
        : p.sku === ref.sku && p.variant.id === ref.variant.id)) ?? null;
const reviewOut = (r) => ({ ...r, author: { id: r.author }, product: { upc: r.product } });

export default {
    accounts: {
        typeDefs: `${link}
            type Query { users: [User!]! user(id: ID!): User }
            type User @key(fields: "id") @key(fields: "email") {
                id: ID! email: String! name: String! org: Org!
            }
            type Org @key(fields: "id") { id: ID! name: String! }`,
        resolvers: {
            Query: { users: () => users.map(userOut), user: (_, { id }) => userOut(users.find((u) => u.id === id)) ?? null },
            User: {
                __resolveReference: (ref) => userOut(users.find((u) => u.id === ref.id || u.email === ref.email)) ?? null,
            },
            Org: { __resolveReference: (ref) => orgs[ref.id] ?? null },
        },
    },
    products: {
        typeDefs: `${link}
            type Query { products: [Product!]! product(upc: String!): Product }
            type Product @key(fields: "upc") @key(fields: "sku variant { id }") {
                upc: String! sku: String! variant: Variant! name: String! seller: User
            }
            type Variant @shareable { id: ID! }
            type User @key(fields: "email", resolvable: false) { email: String! }`,
        resolvers: {
            Query: { products: () => products, product: (_, { upc }) => productByKey({ upc }) },
            Product: {
                __resolveReference: productByKey,
                seller: (p) => (p.seller ? { email: p.seller } : null),
            },
        },
    },
    inventory: {
        typeDefs: `${link}
            type Query { lowStock(below: Int!): [Product!]! }
            type Product @key(fields: "sku variant { id }") { sku: String! variant: Variant! stock: Int! }
            type Variant @shareable { id: ID! }`,
        resolvers: {
            Query: {
                lowStock: (_, { below }) => Object.entries(stock).filter(([, n]) => n < below)
                    .map(([key]) => ({ sku: key.split("/")[0], variant: { id: key.split("/")[1] } })),
            },
            Product: {
                __resolveReference: (ref) => ref,
                stock: (p) => stock[`${p.sku}/${p.variant.id}`],
            },
        },
    },
    reviews: {
        typeDefs: `${link}
            type Query { reviews: [Review!]! }
            type Review { id: ID! body: String! author: User! product: Product! }
            type User @key(fields: "id") { id: ID! reviews: [Review!]! }
            type Product @key(fields: "upc") { upc: String! reviews: [Review!]! }`,
        resolvers: {
            Query: { reviews: () => reviews.map(reviewOut) },
            User: {
                __resolveReference: (ref) => ref,
                reviews: (u) => reviews.filter((r) => r.author === u.id).map(reviewOut),
            },
            Product: {
                __resolveReference: (ref) => ref,
                reviews: (p) => reviews.filter((r) => r.product === p.upc).map(reviewOut),
            },
        },
    },
};
