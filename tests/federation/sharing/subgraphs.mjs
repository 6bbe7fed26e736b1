// sharing: what a field several subgraphs resolve can be trusted to return. Both subgraphs
// resolve node(id) and have both Account and Chat, each with the other's id @external: for an
// object its own node field finds, a subgraph returns "bogus" as that id, so an id (or a key
// built from it) may only come from the subgraph that owns it. Box is an entity of both; its
// wrap, a value type, is shareable, and the union Action under it has Common in both, Note only
// in a and Alarm only in b: a condition on Note or Alarm under wrap is not sent (one of the two
// could never answer it), so its fields read as null; under bWrap, b's alone, Alarm is asked.
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3",
    import: ["@key", "@shareable", "@external"])`;
const accounts = { a1: { id: "a1", name: "Ada", chats: ["c1"] } };
const chats = { c1: { id: "c1", text: "hello", account: "a1" } };
const note = { __typename: "Note", body: "remember" };
const alarm = { __typename: "Alarm", at: "07:00" };
const common = { __typename: "Common", label: "shared" };
const byTypename = { __resolveType: (x) => x.__typename };

export default {
    a: {
        typeDefs: `${link}
            type Query { node(id: ID!): Node @shareable box: Box }
            interface Node { id: ID! }
            type Account implements Node @key(fields: "id") { id: ID! name: String! }
            type Chat implements Node @key(fields: "id") { id: ID! @external account: Account! }
            type Box @key(fields: "id") { id: ID! wrap: Wrap @shareable }
            type Wrap @shareable { actions: [Action!]! }
            union Action = Common | Note
            type Common @shareable { label: String }
            type Note { body: String }`,
        resolvers: {
            Query: {
                node: (_, { id }) =>
                    accounts[id] ? { __typename: "Account", ...accounts[id] }
                    : chats[id] ? { __typename: "Chat", id: "bogus", account: chats[id].account } : null,
                box: () => ({ id: "x1" }),
            },
            Node: byTypename,
            Account: { __resolveReference: (ref) => accounts[ref.id] ?? null },
            Chat: {
                __resolveReference: (ref) => (chats[ref.id] ? { id: ref.id, account: chats[ref.id].account } : null),
                account: (c) => accounts[c.account],
            },
            Box: { __resolveReference: (ref) => ({ id: ref.id }), wrap: () => ({ actions: [common, note] }) },
            Action: byTypename,
        },
    },
    b: {
        typeDefs: `${link}
            type Query { node(id: ID!): Node @shareable }
            interface Node { id: ID! }
            type Account implements Node @key(fields: "id") { id: ID! @external chats: [Chat!]! }
            type Chat implements Node @key(fields: "id") { id: ID! text: String! }
            type Box @key(fields: "id") { id: ID! wrap: Wrap @shareable bWrap: Wrap }
            type Wrap @shareable { actions: [Action!]! }
            union Action = Common | Alarm
            type Common @shareable { label: String }
            type Alarm { at: String }`,
        resolvers: {
            Query: {
                node: (_, { id }) =>
                    chats[id] ? { __typename: "Chat", ...chats[id] }
                    : accounts[id] ? { __typename: "Account", id: "bogus", chats: accounts[id].chats } : null,
            },
            Node: byTypename,
            Account: {
                __resolveReference: (ref) => (accounts[ref.id] ? { id: ref.id, chats: accounts[ref.id].chats } : null),
                chats: (a) => a.chats.map((id) => chats[id]),
            },
            Chat: { __resolveReference: (ref) => chats[ref.id] ?? null },
            Box: {
                __resolveReference: (ref) => ({ id: ref.id }),
                wrap: () => ({ actions: [common, alarm] }),
                bWrap: () => ({ actions: [common, alarm] }),
            },
            Action: byTypename,
        },
    },
};
