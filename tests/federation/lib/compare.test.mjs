// compare.test.mjs: the comparison rules of README.md, each with a matching and a failing case.
//   node --test lib/compare.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { compareResponse, jsonEqual } from "./compare.mjs";

const error = (message, path, more = {}) => ({ message, ...(path ? { path } : {}), ...more });

test("data: member order is free, list order is not", () => {
    assert.equal(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }), true);
    assert.equal(jsonEqual({ a: [1, 2] }, { a: [2, 1] }), false);
    assert.equal(jsonEqual({ a: 1 }, { a: 1, b: null }), false);
    assert.equal(jsonEqual({ a: null }, { a: {} }), false);
    assert.equal(jsonEqual([1], { 0: 1 }), false);
    assert.equal(compareResponse({ data: { a: 1 } }, { data: { a: 2 } }), "data differs");
});

test("data: absent is not null", () => {
    assert.equal(compareResponse({ errors: [error("x")] }, { errors: [error("x")] }), null);
    assert.equal(compareResponse({ errors: [error("x")] }, { data: null, errors: [error("x")] }),
        "unexpected data member");
    assert.equal(compareResponse({ data: null }, {}), "no data member");
});

test("errors: a multiset matched on message, path and locations", () => {
    const want = { data: null, errors: [error("a", ["x", 0]), error("b", ["y"])] };
    assert.equal(compareResponse(want, { data: null, errors: [error("b", ["y"]), error("a", ["x", 0])] }), null);
    assert.equal(compareResponse(want, { data: null, errors: [error("a", ["x", 0])] }),
        "1 errors, expected 2");
    assert.match(compareResponse(want, { data: null, errors: [error("a", ["x", 1]), error("b", ["y"])] }),
        /^no error matches/);
    assert.match(compareResponse(want, { data: null, errors: [error("a", ["x", 0]), error("B", ["y"])] }),
        /^no error matches/);
    assert.match(compareResponse(want, { data: null, errors: [error("a", ["x", 0]), error("a", ["x", 0])] }),
        /^no error matches/);
});

test("errors: locations absent only match absent", () => {
    const located = error("a", null, { locations: [{ line: 1, column: 3 }] });
    assert.equal(compareResponse({ errors: [located] }, { errors: [located] }), null);
    assert.match(compareResponse({ errors: [error("a")] }, { errors: [located] }), /^no error matches/);
    assert.match(compareResponse({ errors: [located] }, { errors: [error("a")] }), /^no error matches/);
});

test("errors: extensions checked only where the expected error lists them", () => {
    const got = { errors: [error("a", null, { extensions: { code: "X", serviceName: "s" } })] };
    assert.equal(compareResponse({ errors: [error("a")] }, got), null);
    assert.equal(compareResponse({ errors: [error("a", null, { extensions: { code: "X" } })] }, got), null);
    assert.match(compareResponse({ errors: [error("a", null, { extensions: { code: "Y" } })] }, got),
        /^no error matches/);
});

test("data+paths: messages are free, the set of paths is not", () => {
    const want = { compare: "data+paths", data: { a: null }, errors: [error("apollo words"), error("x", ["a"])] };
    assert.equal(compareResponse(want, { data: { a: null }, errors: [error("ours", ["a"]), error("other")] }), null);
    assert.equal(compareResponse(want, { data: { a: null }, errors: [error("ours", ["a"]), error("o"), error("p")] }), null);
    assert.match(compareResponse(want, { data: { a: null }, errors: [error("ours", ["a", "@"]), error("o")] }),
        /^error paths/);
    assert.match(compareResponse(want, { data: { a: null }, errors: [error("ours", ["a"])] }), /^error paths/);
    assert.equal(compareResponse(want, { data: { a: 1 }, errors: [] }), "data differs");
});

test("a body that is not JSON never matches", () => {
    assert.match(compareResponse({ data: null }, { text: "<html>" }), /^response is not JSON/);
});
