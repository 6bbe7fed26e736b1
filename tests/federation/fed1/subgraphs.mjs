// fed1: Federation 1 subgraphs (no @link: `extend type`, @external key fields) behind a
// Federation 1 supergraph (core v0.2, join v0.1, @join__owner), which Apollo's current
// composition cannot produce: supergraph.graphql is written by hand (see the file "handwritten").
const users = [
    { id: "1", name: "Ada Lovelace", username: "@ada" },
    { id: "2", name: "Alan Turing", username: "@alan" },
];
const products = [
    { upc: "1", name: "Table", price: 899, weight: 100 },
    { upc: "2", name: "Couch", price: 1299, weight: 1000 },
    { upc: "3", name: "Chair", price: 54, weight: 50 },
];
const reviews = [
    { id: "1", body: "Love it!", author: "1", product: "1" },
    { id: "2", body: "Too expensive.", author: "1", product: "2" },
    { id: "3", body: "Could be better.", author: "2", product: "3" },
];
const reviewOut = (r) => ({
    ...r,
    author: { id: r.author, username: users.find((u) => u.id === r.author).username },
    product: { upc: r.product },
});

export default {
    accounts: {
        typeDefs: `
            type Query { me: User }
            type User @key(fields: "id") { id: ID! name: String username: String }`,
        resolvers: {
            Query: { me: () => users[0] },
            User: { __resolveReference: (ref) => users.find((u) => u.id === ref.id) ?? null },
        },
    },
    inventory: {
        typeDefs: `
            extend type Product @key(fields: "upc") {
                upc: String! @external
                weight: Int @external
                price: Int @external
                inStock: Boolean
                shippingEstimate: Int @requires(fields: "price weight")
            }`,
        resolvers: {
            Product: {
                __resolveReference: (ref) => ({ ...ref, inStock: ref.upc !== "2" }),
                shippingEstimate: (p) => (p.price > 1000 ? 0 : p.weight / 2),
            },
        },
    },
    products: {
        typeDefs: `
            type Query { topProducts(first: Int = 5): [Product] }
            type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
        resolvers: {
            Query: { topProducts: (_, { first }) => products.slice(0, first) },
            Product: { __resolveReference: (ref) => products.find((p) => p.upc === ref.upc) ?? null },
        },
    },
    reviews: {
        typeDefs: `
            type Review @key(fields: "id") {
                id: ID! body: String author: User @provides(fields: "username") product: Product
            }
            extend type User @key(fields: "id") {
                id: ID! @external username: String @external reviews: [Review]
            }
            extend type Product @key(fields: "upc") { upc: String! @external reviews: [Review] }`,
        resolvers: {
            Review: { __resolveReference: (ref) => reviews.map(reviewOut).find((r) => r.id === ref.id) ?? null },
            User: { reviews: (u) => reviews.filter((r) => r.author === u.id).map(reviewOut) },
            Product: { reviews: (p) => reviews.filter((r) => r.product === p.upc).map(reviewOut) },
        },
    },
};
