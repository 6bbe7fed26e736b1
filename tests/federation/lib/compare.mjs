// compare.mjs: decides whether a gateway's response matches an expected file (rules in README.md).
// Returns null on a match, else a one-line reason.

// Deep equality of JSON values; object member order does not matter, array order does.
export function jsonEqual(a, b) {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

// An actual error matches an expected one on message, path and locations (each compared
// exactly, absent only equals absent) and on the extensions members the expected one lists.
function errorMatches(want, got) {
    if (want.message !== got.message) return false;
    if (!jsonEqual(want.path, got.path) || !jsonEqual(want.locations, got.locations)) return false;
    const extensions = want.extensions ?? {};
    return Object.keys(extensions).every((k) => jsonEqual(extensions[k], got.extensions?.[k]));
}

// Errors are a multiset: every expected error must match a distinct actual one, and no extra.
function compareErrors(want = [], got = []) {
    if (want.length !== got.length) return `${got.length} errors, expected ${want.length}`;
    const unused = [...got];
    for (const w of want) {
        const i = unused.findIndex((g) => errorMatches(w, g));
        if (i < 0) return `no error matches ${JSON.stringify(w)}`;
        unused.splice(i, 1);
    }
    return null;
}

const pathSet = (errors = []) =>
    [...new Set(errors.map((e) => JSON.stringify(e.path ?? null)))].sort();

export function compareResponse(expected, actual) {
    if (Object.hasOwn(actual, "text")) return `response is not JSON: ${actual.text.slice(0, 200)}`;
    if (Object.hasOwn(expected, "data") !== Object.hasOwn(actual, "data"))
        return Object.hasOwn(expected, "data") ? "no data member" : "unexpected data member";
    if (!jsonEqual(expected.data, actual.data)) return "data differs";
    if (!Array.isArray(actual.errors ?? [])) return "errors is not a list";
    if (expected.compare === "data+paths") {
        const want = pathSet(expected.errors), got = pathSet(actual.errors);
        return jsonEqual(want, got) ? null : `error paths ${got.join(" ")}, expected ${want.join(" ")}`;
    }
    return compareErrors(expected.errors, actual.errors);
}
