// parent: fields reached only through an enclosing entity. Shelf is a value type (no key) that
// catalog and warehouse both resolve on Product; its `stock` exists only in warehouse, so the
// gateway fetches the product again from warehouse, by the one key warehouse has ("id sku"; its
// resolver checks both), and selects shelf { stock } there. Maker is a value type on Product in
// warehouse and brands; its `id` comes only from brands and its `name` only from makers, where
// Maker is an entity keyed by that id: the key is fetched through the product from brands first.
// The union Placement (a Shelf or a Bin) puts a type condition on the path to stock.
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7",
    import: ["@key", "@shareable", "@external"])`;
const products = [
    { id: "p1", sku: "A-1", title: "Lamp", shelf: { aisle: 3, units: 12, reserved: 2 }, maker: { id: "m1", since: 1999 } },
    { id: "p2", sku: "B-7", title: "Desk", shelf: { aisle: 5, units: 0, reserved: 0 }, maker: { id: "m2", since: 2010 } },
    { id: "p3", sku: "C-2", title: "Rug", shelf: null, maker: null, bin: "BIN-9" },
];
// A product on a shelf is placed there, else in its bin (if any).
const placement = (p) => (p.shelf ? { __typename: "Shelf", ...p.shelf } : p.bin ? { __typename: "Bin", code: p.bin } : null);
const placementType = { __resolveType: (x) => x.__typename };
const makers = { m1: { id: "m1", name: "Lumen" }, m2: { id: "m2", name: "Oakworks" } };
const byId = (id) => products.find((p) => p.id === id) ?? null;
const byKey = (ref) => products.find((p) => p.id === ref.id && p.sku === ref.sku) ?? null;

export default {
    catalog: {
        typeDefs: `${link}
            type Query { products: [Product!]! product(id: ID!): Product }
            type Product @key(fields: "id") @key(fields: "id sku") {
                id: ID! sku: String! title: String! shelf: Shelf @shareable placement: Placement @shareable
            }
            type Shelf { aisle: Int! @shareable }
            type Bin { code: String! @shareable }
            union Placement = Shelf | Bin`,
        resolvers: {
            Query: { products: () => products, product: (_, { id }) => byId(id) },
            Product: { __resolveReference: (ref) => byId(ref.id), placement },
            Placement: placementType,
        },
    },
    warehouse: {
        typeDefs: `${link}
            type Product @key(fields: "id sku") {
                id: ID! sku: String! shelf: Shelf @shareable maker: Maker @shareable
                placement: Placement @shareable
            }
            type Shelf { aisle: Int! @shareable stock: Stock! }
            type Bin { code: String! @shareable }
            union Placement = Shelf | Bin
            type Stock { units: Int! reserved: Int! }
            type Maker { since: Int! }`,
        resolvers: {
            Product: {
                __resolveReference: byKey,
                maker: (p) => p.maker && { since: p.maker.since },
                placement,
            },
            Placement: placementType,
            Shelf: { stock: (s) => ({ units: s.units, reserved: s.reserved }) },
        },
    },
    brands: {
        typeDefs: `${link}
            type Product @key(fields: "id") { id: ID! @external maker: Maker @shareable }
            type Maker { id: ID! @shareable }`,
        resolvers: {
            Product: {
                __resolveReference: (ref) => byId(ref.id),
                maker: (p) => p.maker && { id: p.maker.id },
            },
        },
    },
    makers: {
        typeDefs: `${link}
            type Maker @key(fields: "id") { id: ID! name: String! }`,
        resolvers: { Maker: { __resolveReference: (ref) => makers[ref.id] ?? null } },
    },
};
