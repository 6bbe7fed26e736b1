// requires: @requires with an argument (weight(unit: GRAM)), with inline fragments on a union
// (shape), and a chain: insurance's insuredValue requires shipping's shippingCost, which itself
// requires catalog's weight and size.
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7",
    import: ["@key", "@shareable", "@external", "@requires"])`;
const shapes = `union Shape = Circle | Square
    type Circle @shareable { radius: Int! }
    type Square @shareable { side: Int! }
    enum WeightUnit { KG GRAM }`;

const products = [
    { id: "p1", name: "Lamp", price: 100, kg: 2.5, size: 3, shape: { kind: "Circle", radius: 2 } },
    { id: "p2", name: "Frame", price: 40, kg: 0.4, size: 1, shape: { kind: "Square", side: 5 } },
    { id: "p3", name: "Drum", price: 250, kg: 10, size: 8, shape: { kind: "Circle", radius: 1 } },
];
const shapeType = { __resolveType: (s) => s.kind };

export default {
    catalog: {
        typeDefs: `${link}
            type Query { products: [Product!]! product(id: ID!): Product }
            type Product @key(fields: "id") {
                id: ID! name: String! price: Int! weight(unit: WeightUnit = KG): Float! size: Int! shape: Shape!
            }
            ${shapes}`,
        resolvers: {
            Query: { products: () => products, product: (_, { id }) => products.find((p) => p.id === id) ?? null },
            Product: {
                __resolveReference: (ref) => products.find((p) => p.id === ref.id) ?? null,
                weight: (p, { unit }) => (unit === "GRAM" ? p.kg * 1000 : p.kg),
            },
            Shape: shapeType,
        },
    },
    shipping: {
        typeDefs: `${link}
            type Product @key(fields: "id") {
                id: ID!
                weight(unit: WeightUnit = KG): Float! @external
                size: Int! @external
                shape: Shape! @external
                shippingCost: Int! @requires(fields: "weight(unit: GRAM) size")
                packaging: String! @requires(fields: "shape { ... on Circle { radius } ... on Square { side } }")
            }
            ${shapes}`,
        resolvers: {
            Product: {
                __resolveReference: (ref) => ref,
                shippingCost: (p) => Math.round(p.weight / 100) + p.size,
                packaging: (p) => (p.shape.radius !== undefined ? `tube ${p.shape.radius}` : `box ${p.shape.side}`),
            },
        },
    },
    insurance: {
        typeDefs: `${link}
            type Product @key(fields: "id") {
                id: ID!
                price: Int! @external
                shippingCost: Int! @external
                insuredValue: Int! @requires(fields: "price shippingCost")
            }`,
        resolvers: {
            Product: {
                __resolveReference: (ref) => ref,
                insuredValue: (p) => p.price / 10 + p.shippingCost,
            },
        },
    },
};
