// failures: what the gateway does when subgraphs fail. catalog works but some of its resolvers
// throw (errors with paths, null bubbling); pricing throws inside _entities, so its error paths
// must be rewritten to the client's query; stock is down (connection refused), reviews answers
// HTTP 500 and tags answers a body that is not JSON.
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;
const products = [
    { id: "1", name: "Lamp" },
    { id: "2", name: "Frame" },
    { id: "3", name: "Drum" },
];
const productById = (ref) => products.find((p) => p.id === ref.id) ?? null;
const fail = (message) => { throw new Error(message); };

export default {
    catalog: {
        typeDefs: `${link}
            type Query {
                products: [Product]!
                strictProducts: [Product!]!
                product(id: ID!): Product
                mustExist: Product!
                boom: String
            }
            type Product @key(fields: "id") { id: ID! name: String! critical: String! optional: String }`,
        resolvers: {
            Query: {
                products: () => products,
                strictProducts: () => products,
                product: (_, { id }) => productById({ id }),
                mustExist: () => fail("mustExist failed"),
                boom: () => fail("boom at the root"),
            },
            Product: {
                __resolveReference: productById,
                critical: (p) => (p.id === "2" ? fail(`critical failed for ${p.id}`) : `critical ${p.id}`),
                optional: (p) => (p.id === "1" ? fail(`optional failed for ${p.id}`) : `optional ${p.id}`),
            },
        },
    },
    pricing: {
        typeDefs: `${link}
            type Product @key(fields: "id") { id: ID! price: Int! discount: Int }`,
        resolvers: {
            Product: {
                __resolveReference: (ref) => ref,
                price: (p) => (p.id === "3" ? fail(`no price for ${p.id}`) : Number(p.id) * 10),
                discount: (p) => (p.id === "2" ? fail(`no discount for ${p.id}`) : Number(p.id)),
            },
        },
    },
    stock: {
        behavior: "down",
        typeDefs: `${link}
            type Query { stockReport: String }
            type Product @key(fields: "id") { id: ID! inStock: Int }`,
    },
    reviews: {
        behavior: "http500",
        typeDefs: `${link}
            type Product @key(fields: "id") { id: ID! reviewCount: Int }`,
    },
    tags: {
        behavior: "badjson",
        typeDefs: `${link}
            type Query { trending: [String] }
            type Product @key(fields: "id") { id: ID! tags: [String] }`,
    },
};
