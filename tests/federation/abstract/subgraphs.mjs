// abstract: an entity interface Media (@key on the interface) implemented by Book and Movie in
// content; ratings adds rating to every Media through @interfaceObject and knows no concrete
// types; the union SearchResult has members Book, Movie, Person in content and Person, Podcast
// in people, so some members are missing in each subgraph; Named is a value interface.
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7",
    import: ["@key", "@shareable", "@interfaceObject"])`;
const media = [
    { __typename: "Book", id: "m1", title: "Dune", author: "Herbert" },
    { __typename: "Movie", id: "m2", title: "Alien", minutes: 117 },
    { __typename: "Book", id: "m3", title: "Emma", author: "Austen" },
];
const people = [{ __typename: "Person", id: "h1", name: "Ada", born: 1815 }];
const podcasts = [{ __typename: "Podcast", id: "c1", host: "Bob", name: "Bob talks" }];
const ratings = { m1: 4.5, m2: 4.8, m3: 3.9 };
const byTypename = { __resolveType: (x) => x.__typename };

export default {
    content: {
        typeDefs: `${link}
            type Query { feed: [Media!]! search(term: String!): [SearchResult!]! }
            interface Media @key(fields: "id") { id: ID! title: String! }
            type Book implements Media @key(fields: "id") { id: ID! title: String! author: String! }
            type Movie implements Media @key(fields: "id") { id: ID! title: String! minutes: Int! }
            type Person @key(fields: "id") { id: ID! name: String! @shareable }
            union SearchResult = Book | Movie | Person`,
        resolvers: {
            Query: {
                feed: () => media,
                search: (_, { term }) => [...media.filter((m) => m.title.includes(term)), ...people.filter((p) => p.name.includes(term))],
            },
            Media: {
                __resolveType: (x) => x.__typename,
                __resolveReference: (ref) => media.find((m) => m.id === ref.id) ?? null,
            },
            Book: { __resolveReference: (ref) => media.find((m) => m.id === ref.id) ?? null },
            Movie: { __resolveReference: (ref) => media.find((m) => m.id === ref.id) ?? null },
            Person: { __resolveReference: (ref) => people.find((p) => p.id === ref.id) ?? null },
            SearchResult: byTypename,
        },
    },
    ratings: {
        typeDefs: `${link}
            type Query { topRated(min: Float!): [Media!]! }
            type Media @key(fields: "id") @interfaceObject { id: ID! rating: Float! }`,
        resolvers: {
            Query: { topRated: (_, { min }) => Object.keys(ratings).filter((id) => ratings[id] >= min).map((id) => ({ id })) },
            Media: {
                __resolveReference: (ref) => ref,
                rating: (m) => ratings[m.id],
            },
        },
    },
    people: {
        typeDefs: `${link}
            type Query { discover: [SearchResult!]! named: [Named!]! }
            interface Named { name: String! }
            type Person implements Named @key(fields: "id") { id: ID! name: String! @shareable born: Int! }
            type Podcast implements Named { id: ID! name: String! host: String! }
            union SearchResult = Person | Podcast`,
        resolvers: {
            Query: { discover: () => [...people, ...podcasts], named: () => [...podcasts, ...people] },
            Person: { __resolveReference: (ref) => people.find((p) => p.id === ref.id) ?? null },
            SearchResult: byTypename,
            Named: byTypename,
        },
    },
};
