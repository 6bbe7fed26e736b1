// provides: reviews provides the author's name and, one entity further down, the author's
// org name (nested @provides). To make the use of provided fields visible, reviews answers them
// with its own wording ("Ada (as reviews knows her)"); a gateway that ignores @provides fetches
// accounts' values instead and fails the test.
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7",
    import: ["@key", "@external", "@provides", "@shareable"])`;
const users = {
    1: { id: "1", name: "Ada", email: "ada@example.com", org: { id: "o1" } },
    2: { id: "2", name: "Bob", email: "bob@example.com", org: { id: "o2" } },
};
const orgs = { o1: { id: "o1", name: "Acme", country: "NL" }, o2: { id: "o2", name: "Globex", country: "US" } };
const reviews = [
    { id: "r1", body: "Great", author: "1" },
    { id: "r2", body: "Meh", author: "2" },
];
const providedAuthor = (id) => ({
    id,
    name: `${users[id].name} (as reviews knows her)`,
    org: { id: users[id].org.id, name: `${orgs[users[id].org.id].name} (as reviews knows it)` },
});

export default {
    accounts: {
        typeDefs: `${link}
            type Query { me: User }
            type User @key(fields: "id") {
                id: ID! name: String! @shareable email: String! org: Org! @shareable
            }
            type Org @key(fields: "id") { id: ID! name: String! @shareable country: String! }`,
        resolvers: {
            Query: { me: () => users[1] },
            User: { __resolveReference: (ref) => users[ref.id] ?? null, org: (u) => orgs[u.org.id] },
            Org: { __resolveReference: (ref) => orgs[ref.id] ?? null },
        },
    },
    reviews: {
        typeDefs: `${link}
            type Query { reviews: [Review!]! }
            type Review { id: ID! body: String! author: User! @provides(fields: "name org { name }") }
            type User @key(fields: "id") { id: ID! name: String! @external org: Org! @external }
            type Org @key(fields: "id") { id: ID! name: String! @external }`,
        resolvers: {
            Query: { reviews: () => reviews.map((r) => ({ ...r, author: providedAuthor(r.author) })) },
        },
    },
};
