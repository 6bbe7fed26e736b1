// inaccessible: fields, a type and an enum value hidden from clients with @inaccessible. They are
// absent from the API schema (queries naming them fail validation, introspection does not show
// them) but the gateway still uses them inside the graph: greeting @requires the hidden ssn.
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7",
    import: ["@key", "@external", "@requires", "@inaccessible"])`;
const users = [
    { id: "1", name: "Ada", ssn: "111", role: "ADMIN" },
    { id: "2", name: "Bob", ssn: "222", role: "USER" },
    { id: "3", name: "Eve", ssn: "333", role: "SECRET" },
];

export default {
    accounts: {
        typeDefs: `${link}
            type Query { users(role: Role): [User!]! audit: Audit @inaccessible }
            enum Role { ADMIN USER SECRET @inaccessible }
            type User @key(fields: "id") {
                id: ID! name: String! role: Role ssn: String! @inaccessible
            }
            type Audit @inaccessible { entries: Int! }`,
        resolvers: {
            Query: {
                users: (_, { role }) => users.filter((u) => !role || u.role === role)
                    .map((u) => ({ ...u, role: u.role === "SECRET" ? null : u.role })),
                audit: () => ({ entries: 1 }),
            },
            User: { __resolveReference: (ref) => users.find((u) => u.id === ref.id) ?? null },
        },
    },
    greetings: {
        typeDefs: `${link}
            type User @key(fields: "id") {
                id: ID! ssn: String! @external greeting: String! @requires(fields: "ssn")
            }`,
        resolvers: {
            User: { __resolveReference: (ref) => ref, greeting: (u) => `hello holder of ${u.ssn}` },
        },
    },
};
