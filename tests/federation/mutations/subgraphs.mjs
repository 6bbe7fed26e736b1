// mutations: root mutation fields in two subgraphs append to one log shared by this process, and
// each returns the log as it stands. Only a gateway that runs them one after the other, in the
// order of the operation, gets the expected answer. The returned Entry is then completed from
// the other subgraph.
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;
const log = [];
const push = (value) => {
    log.push(value);
    return { id: String(log.length), seen: [...log] };
};

export default {
    left: {
        typeDefs: `${link}
            type Query { log: [String!]! }
            type Mutation { pushLeft(value: String!): Entry! }
            type Entry @key(fields: "id") { id: ID! seen: [String!]! }`,
        resolvers: {
            Query: { log: () => log },
            Mutation: { pushLeft: (_, { value }) => push(`left:${value}`) },
            Entry: { __resolveReference: (ref) => ({ id: ref.id, seen: log.slice(0, Number(ref.id)) }) },
        },
    },
    right: {
        typeDefs: `${link}
            type Mutation { pushRight(value: String!): Entry! }
            type Entry @key(fields: "id") { id: ID! size: Int! }`,
        resolvers: {
            Mutation: { pushRight: (_, { value }) => push(`right:${value}`) },
            Entry: { __resolveReference: (ref) => ref, size: (e) => Number(e.id) },
        },
    },
};
