-- load.lua: wrk script for the mesh tests. POSTs the benchmark query (BODY,
-- default bench/workload/body.json) and counts failed requests: any status but
-- 200, and any 200 whose body carries GraphQL errors. Prints one line at the end:
--   requests N failed M
local f = assert(io.open(os.getenv("BODY") or "bench/workload/body.json", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

local threads = {}
function setup(thread)
    table.insert(threads, thread)
end

failed = 0
function response(status, headers, body)
    if status ~= 200 or string.find(body, '"errors"', 1, true) then
        failed = failed + 1
    end
end

function done(summary, latency, requests)
    local n = 0
    for _, t in ipairs(threads) do
        n = n + t:get("failed")
    end
    local e = summary.errors
    n = n + e.connect + e.read + e.write + e.timeout
    io.write(string.format("requests %d failed %d\n", summary.requests, n))
end
