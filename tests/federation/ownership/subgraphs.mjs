// ownership: who resolves a field. @override moves plan from accounts to billing; handle moves
// too but stays in accounts' key (usedOverridden); credits moves with a progressive-override
// label percent(100) and level with percent(0). The subgraphs answer overridden fields with
// different values, so the answer shows which subgraph was asked. @shareable fields (name,
// dims) are resolvable from catalog and search alike, and give the same answer from both.
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7",
    import: ["@key", "@shareable", "@override"])`;
const users = [{ id: "1", handle: "ada" }, { id: "2", handle: "bob" }];
const products = [
    { id: "p1", name: "Lamp", dims: { w: 10, h: 40 } },
    { id: "p2", name: "Frame", dims: { w: 30, h: 20 } },
];
const productById = (ref) => products.find((p) => p.id === ref.id) ?? null;

export default {
    accounts: {
        typeDefs: `${link}
            type Query { users: [User!]! userByHandle(handle: String!): User }
            type User @key(fields: "id") @key(fields: "handle") {
                id: ID! handle: String! plan: String! credits: Int! level: Int!
            }`,
        resolvers: {
            Query: {
                users: () => users,
                userByHandle: (_, { handle }) => users.find((u) => u.handle === handle) ?? null,
            },
            User: {
                __resolveReference: (ref) => users.find((u) => u.id === ref.id || u.handle === ref.handle) ?? null,
                plan: () => "plan from accounts",
                credits: () => 1,
                level: () => 1,
            },
        },
    },
    billing: {
        typeDefs: `${link}
            type User @key(fields: "id") {
                id: ID!
                handle: String! @override(from: "accounts")
                plan: String! @override(from: "accounts")
                credits: Int! @override(from: "accounts", label: "percent(100)")
                level: Int! @override(from: "accounts", label: "percent(0)")
            }`,
        resolvers: {
            User: {
                __resolveReference: (ref) => ref,
                handle: (u) => `${users.find((x) => x.id === u.id).handle} (billing)`,
                plan: (u) => `pro (billing, user ${u.id})`,
                credits: () => 99,
                level: () => 99,
            },
        },
    },
    catalog: {
        typeDefs: `${link}
            type Query { catalog: [Product!]! }
            type Product @key(fields: "id") { id: ID! name: String! @shareable dims: Dims! @shareable price: Int! }
            type Dims @shareable { w: Int! h: Int! }`,
        resolvers: {
            Query: { catalog: () => products },
            Product: { __resolveReference: productById, price: (p) => p.dims.w * 2 },
        },
    },
    search: {
        typeDefs: `${link}
            type Query { search(term: String!): [Product!]! }
            type Product @key(fields: "id") { id: ID! name: String! @shareable dims: Dims! @shareable }
            type Dims @shareable { w: Int! h: Int! }`,
        resolvers: {
            Query: { search: (_, { term }) => products.filter((p) => p.name.includes(term)) },
            Product: { __resolveReference: productById },
        },
    },
};
