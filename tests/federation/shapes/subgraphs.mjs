// shapes: fields one subgraph types differently on the types of a union where the supergraph
// does not. media has Track.title String! and Album.title String, stats the reverse; both are
// @shareable, so the supergraph has String on both and a client may select title under both
// type conditions, while a subgraph request doing so would be invalid (FieldsInSetCanMerge):
// the gateway must alias one of them in the request and rename it back. `similar` is only in
// stats, so its titles come through an entity fetch.
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7",
    import: ["@key", "@shareable"])`;
const items = [
    { __typename: "Track", id: "t1", title: "Intro" },
    { __typename: "Album", id: "a1", title: "Debut" },
    { __typename: "Track", id: "t2", title: "Outro" },
];
const find = (ref) => items.find((i) => i.__typename === ref.__typename && i.id === ref.id) ?? null;
const byTypename = { __resolveType: (x) => x.__typename };

export default {
    media: {
        typeDefs: `${link}
            type Query { shelf: [Item!]! }
            union Item = Track | Album
            type Track @key(fields: "id") { id: ID! title: String! @shareable }
            type Album @key(fields: "id") { id: ID! title: String @shareable }`,
        resolvers: {
            Query: { shelf: () => items },
            Item: byTypename,
            Track: { __resolveReference: find },
            Album: { __resolveReference: find },
        },
    },
    stats: {
        typeDefs: `${link}
            union Item = Track | Album
            type Track @key(fields: "id") { id: ID! title: String @shareable similar: [Item!]! }
            type Album @key(fields: "id") { id: ID! title: String! @shareable similar: [Item!]! }`,
        resolvers: {
            Item: byTypename,
            Track: {
                __resolveReference: find,
                similar: (t) => items.filter((i) => i.id !== t.id),
            },
            Album: {
                __resolveReference: find,
                similar: (a) => items.filter((i) => i.id !== a.id),
            },
        },
    },
};
