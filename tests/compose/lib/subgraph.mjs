// subgraph.mjs: a runnable subgraph from nothing but its SDL, for the differential tests.
// buildSubgraphSchema (@apollo/subgraph) builds it; generic resolvers then answer every field
// with data computed from the schema alone, so no set needs hand-written resolvers or data:
//   - every object carries a number n; a key field (a leaf under one of the type's @key
//     selections here) is "Type#n" (Int keys: n), so a representation sent back by the gateway
//     names the same object in any subgraph (n is read back from the first "…#n" leaf);
//   - any other leaf is a hash of (subgraph, type, n, field, arguments, and the representation
//     when the field has @requires): the subgraph's name is in it on purpose, so a field fetched
//     from another subgraph than Apollo's plan on Apollo's supergraph picks gives other data;
//   - lists have two items; an abstract type picks one of its possible types by hash;
//   - nothing is null, enums never return a value marked @inaccessible.
import { parse, isAbstractType, isEnumType, isInterfaceType, isListType,
    isNonNullType, isObjectType, isScalarType } from "graphql";
import { buildSubgraphSchema } from "@apollo/subgraph";

function hash(text) { // FNV-1a, 32 bits: stable across runs and machines
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
}

function directivesOf(node) {
    return node ? node.directives ?? [] : [];
}

function typeDirectives(type) {
    return [type.astNode, ...(type.extensionASTNodes ?? [])].flatMap(directivesOf);
}

function stringArg(directive, name) {
    const arg = directive.arguments.find((a) => a.name.value === name);
    return arg && arg.value.kind === "StringValue" ? arg.value.value : null;
}

// The selection of each @key of a type, merged: a tree of field name -> sub-tree.
function keyTree(type) {
    const tree = new Map();
    const add = (selections, into) => {
        for (const s of selections) {
            if (s.kind !== "Field") continue;
            const sub = into.get(s.name.value) ?? new Map();
            into.set(s.name.value, sub);
            if (s.selectionSet) add(s.selectionSet.selections, sub);
        }
    };
    for (const d of typeDirectives(type)) {
        if (d.name.value !== "key") continue;
        const fields = stringArg(d, "fields");
        if (fields) add(parse(`{${fields}}`).definitions[0].selectionSet.selections, tree);
    }
    return tree;
}

// n from a representation: the first "Type#n" string or integer leaf, else a hash of it all.
function numberOf(rep) {
    let found = null;
    const walk = (v) => {
        if (found !== null || v === null || typeof v !== "object") return;
        for (const [k, x] of Object.entries(v)) {
            if (k === "__typename") continue;
            if (typeof x === "string" && /#\d+$/.test(x)) found ??= Number(x.split("#").pop());
            else if (Number.isInteger(x)) found ??= x;
            else walk(x);
        }
    };
    walk(rep);
    return found ?? hash(JSON.stringify(rep)) % 100;
}

function typeNameOf(rep) {
    const leaf = JSON.stringify(rep).match(/"([A-Za-z_][A-Za-z0-9_]*)#\d+"/);
    return leaf ? leaf[1] : null;
}

export function buildGenericSubgraph(name, sdl) {
    const schema = buildSubgraphSchema({ typeDefs: parse(sdl) });
    const keys = new Map();
    const keysOf = (type) => {
        if (!keys.has(type.name)) keys.set(type.name, keyTree(type));
        return keys.get(type.name);
    };

    const pickObjectType = (abstract, n) => {
        const names = schema.getPossibleTypes(abstract).map((t) => t.name).sort();
        return names.length ? names[n % names.length] : abstract.name;
    };

    const leafValue = (type, parent, fieldName, salt) => {
        const h = hash(`${name}|${parent.__typename}|${parent.__n}|${fieldName}|${salt}`);
        const keyed = parent.__keys?.has(fieldName);
        if (type.name === "Int") return keyed ? parent.__n : h % 1000;
        if (type.name === "Float") return (h % 1000) / 10;
        if (type.name === "Boolean") return h % 2 === 0;
        if (isEnumType(type)) {
            const values = type.getValues().filter((v) =>
                !directivesOf(v.astNode).some((d) => d.name.value === "inaccessible"));
            return values.length ? values[h % values.length].name : null;
        }
        if (keyed) return `${parent.__typename}#${parent.__n}`;
        return `${fieldName}-${h % 1000}`;
    };

    const objectValue = (type, n, keyNames) => {
        const concrete = isAbstractType(type) ? pickObjectType(type, n) : type.name;
        const own = schema.getType(concrete);
        return { __typename: concrete, __n: n, __keys: keyNames ?? (own ? keysOf(own) : new Map()) };
    };

    const value = (type, parent, fieldName, salt, index) => {
        if (isNonNullType(type)) return value(type.ofType, parent, fieldName, salt, index);
        if (isListType(type))
            return [0, 1].map((i) => value(type.ofType, parent, fieldName, salt, `${index}.${i}`));
        if (isScalarType(type) || isEnumType(type))
            return leafValue(type, parent, fieldName, `${salt}|${index}`);
        const keySub = parent.__keys?.get(fieldName);
        if (keySub && keySub.size) // a nested key object: the same n, so the key stays stable
            return objectValue(type, parent.__n, keySub);
        const n = hash(`${parent.__typename}|${parent.__n}|${fieldName}|${salt}|${index}`) % 100;
        return objectValue(type, n);
    };

    const requiresField = (field) =>
        directivesOf(field.astNode).some((d) => d.name.value === "requires");

    // The resolver map is built from a first, resolver-less build of the schema, then the
    // schema is built again with it (that is where @apollo/subgraph takes __resolveReference).
    const resolvers = {};
    for (const type of Object.values(schema.getTypeMap())) {
        if (type.name.startsWith("_")) continue;
        const map = {};
        if (isObjectType(type)) {
            const root = [schema.getQueryType(), schema.getMutationType()].includes(type);
            for (const field of Object.values(type.getFields())) {
                if (root && (field.name === "_entities" || field.name === "_service")) continue;
                const withRep = requiresField(field);
                map[field.name] = (parent, args) => {
                    const self = root ? { __typename: type.name, __n: 0 } : parent;
                    const salt = JSON.stringify(args) + (withRep ? JSON.stringify(self.__rep) : "");
                    return value(field.type, self, field.name, salt, "");
                };
            }
            if (keysOf(type).size)
                map.__resolveReference = (rep) => ({ ...objectValue(type, numberOf(rep)), __rep: rep });
        }
        if (isInterfaceType(type) && keysOf(type).size) {
            map.__resolveReference = (rep) => {
                const named = typeNameOf(rep);
                const n = numberOf(rep);
                const possible = schema.getPossibleTypes(type).map((t) => t.name);
                const concrete = possible.includes(named) ? named : pickObjectType(type, n);
                return { ...objectValue(schema.getType(concrete), n), __rep: rep };
            };
        }
        if (isAbstractType(type)) map.__resolveType = (v) => v.__typename;
        if (Object.keys(map).length) resolvers[type.name] = map;
    }
    return buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
}
