// scenario.mjs: what run.mjs and generate.mjs share: list a scenario's queries, start its
// subgraphs on free ports, start a gateway on a copy of its supergraph pointed at those ports,
// send queries, and stop everything again. Every wait is bounded.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";

export const root = new URL("..", import.meta.url).pathname;
const QUERY_TIMEOUT_MS = 15000;
const START_TIMEOUT_MS = 60000;

export function listScenarios(only) {
    const all = readdirSync(root)
        .filter((d) => existsSync(`${root}${d}/supergraph.graphql`))
        .sort();
    if (only && !all.includes(only)) throw new Error(`no scenario ${only}`);
    return only ? [only] : all;
}

export function listQueries(scenario) {
    const dir = `${root}${scenario}/queries`;
    return readdirSync(dir)
        .filter((f) => f.endsWith(".graphql"))
        .sort()
        .map((f) => {
            const id = f.slice(0, -".graphql".length);
            const vars = `${dir}/${id}.json`;
            return {
                id: `${scenario}/${id}`,
                name: id,
                query: readFileSync(`${dir}/${f}`, "utf8"),
                variables: existsSync(vars) ? JSON.parse(readFileSync(vars, "utf8")) : undefined,
            };
        });
}

// A port for a server started later: one nothing listens on now, below Linux's ephemeral range
// (32768-60999), where an outgoing connection could take it before the server binds it, or a
// connection to it get it as its own source port and so connect to itself. Candidates start at
// an offset from the process id, so that runs side by side rarely try the same ones, and none is
// given out twice.
const FIRST_PORT = 20000, PORT_COUNT = 12000;
let nextPort = process.pid % PORT_COUNT;

function listenable(port) {
    return new Promise((ok) => {
        const server = createServer();
        server.on("error", () => ok(false));
        server.listen(port, "127.0.0.1", () => server.close(() => ok(true)));
    });
}

async function freePort() {
    for (let tries = 0; tries < PORT_COUNT; tries++) {
        const port = FIRST_PORT + nextPort;
        nextPort = (nextPort + 1) % PORT_COUNT;
        if (await listenable(port)) return port;
    }
    throw new Error("no free port below 32000");
}

// Every process group started and not yet stopped, ended too if this process is interrupted.
const running = new Set();
const killGroup = (child, signal) => { try { process.kill(-child.pid, signal); } catch {} };
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
        for (const child of running) killGroup(child, "SIGKILL");
        process.exit(1);
    });
}

// Spawns a command in its own process group so that stop() can end it with all its children.
function start(command, args, env, log) {
    const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true });
    running.add(child);
    child.output = "";
    const keep = (chunk) => {
        child.output = (child.output + chunk).slice(-4000);
        if (log) process.stderr.write(chunk);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.exited = new Promise((ok) => child.on("exit", (code, signal) => ok(code ?? signal)));
    return child;
}

// Ends the whole group, even when its leader already exited (sh may leave a child behind).
async function stop(child) {
    if (!child) return;
    killGroup(child, "SIGTERM");
    if (child.exitCode === null && child.signalCode === null) {
        const timer = setTimeout(() => killGroup(child, "SIGKILL"), 3000);
        await child.exited;
        clearTimeout(timer);
    }
    killGroup(child, "SIGKILL");
    running.delete(child);
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function waitFor(what, child, ready) {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null)
            throw new Error(`${what} exited early:\n${child.output}`);
        if (await ready()) return;
        await sleep(200);
    }
    throw new Error(`${what} not ready after ${START_TIMEOUT_MS} ms:\n${child.output}`);
}

// Sends one GraphQL request; returns { status, body } where body is the parsed JSON or, if the
// answer is not JSON, { text }.
export async function post(url, query, variables) {
    const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
        signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
    });
    const text = await response.text();
    try {
        return { status: response.status, body: JSON.parse(text) };
    } catch {
        return { status: response.status, body: { text } };
    }
}

// Starts SCENARIO's subgraphs and the gateway (gatewayCommand with {supergraph} and {port}
// replaced, run by sh), calls use(gateway) with { url, exitStatus(), restart() }, then stops
// both whatever happens. exitStatus() waits briefly for a gateway that is going down and gives
// its exit code or signal, null while it runs: a crash is then told apart from a wrong answer,
// and restart() lets the remaining queries run.
export async function withScenario(scenario, gatewayUrl, gatewayCommand, use, log = false) {
    const dir = `${root}${scenario}`;
    const names = [...readFileSync(`${dir}/supergraph.graphql`, "utf8")
        .matchAll(/join__graph\(name: "([^"]+)",? url: "[^"]*"\)/g)].map((m) => m[1]);
    const ports = {};
    for (const name of names) ports[name] = await freePort();
    const tmp = mkdtempSync(`${tmpdir()}/fedtests-`);
    const supergraph = `${tmp}/supergraph.graphql`;
    writeFileSync(supergraph, readFileSync(`${dir}/supergraph.graphql`, "utf8").replace(
        /join__graph\(name: "([^"]+)"(,?) url: "[^"]*"\)/g,
        (_, name, comma) => `join__graph(name: "${name}"${comma} url: "http://127.0.0.1:${ports[name]}/graphql")`));
    let subgraphs, gateway;
    const control = {
        url: gatewayUrl,
        exitStatus: async () => {
            await Promise.race([gateway.exited, sleep(500)]);
            return gateway.exitCode ?? gateway.signalCode;
        },
        restart: async () => {
            await stop(gateway);
            await startGateway();
        },
    };
    // Port 0 in gatewayUrl: a fresh free port at each start, so that runs side by side (other
    // worktrees' `make test`) never talk to each other's gateway.
    const startGateway = async () => {
        const url = new URL(gatewayUrl);
        if (url.port === "" || url.port === "0") url.port = String(await freePort());
        control.url = url.href;
        const command = gatewayCommand.replaceAll("{supergraph}", supergraph).replaceAll("{port}", url.port);
        gateway = start("sh", ["-c", command], {}, log);
        await waitFor(`gateway (${command})`, gateway, async () => {
            try { return (await post(control.url, "{ __typename }")).status < 500; } catch { return false; }
        });
    };
    try {
        subgraphs = start("node", [`${root}lib/serve.mjs`, dir], { FED_PORTS: JSON.stringify(ports) }, log);
        await waitFor(`${scenario} subgraphs`, subgraphs, async () => subgraphs.output.includes("ready"));
        await startGateway();
        return await use(control);
    } finally {
        await stop(gateway);
        await stop(subgraphs);
        rmSync(tmp, { recursive: true, force: true });
    }
}
