-- wrk script of the page benchmark (see pages.sh). MODE: hot (the first v2 page, always cached), cold (a random v1
-- page of 500 out of 2000, mostly generated on demand) or walk (v2 pages one after the other by their next link).
-- PAUSE_MS: each connection waits that long after an answer before its next request (0, the default: none, which
-- makes the run a saturation test whose latency is the number of connections over the rate).
local mode = os.getenv("MODE")
local pause_ms = tonumber(os.getenv("PAUSE_MS") or "0")
local account = os.getenv("ACCOUNT")
local first = "/v2/transactions?accountId=" .. account
local following = first
local thread_count = 0

wrk.headers["X-API-KEY"] = os.getenv("KEY")

if pause_ms > 0 then
  delay = function()
    return pause_ms
  end
end

function setup(thread)
  thread_count = thread_count + 1
  thread:set("seed", thread_count)
end

function init(args)
  math.randomseed(1000 + (seed or 0))
end

if mode == "hot" then
  wrk.path = first
elseif mode == "cold" then
  request = function()
    return wrk.format("GET", "/transactions?accountId=" .. account .. "&pageSize=500&page=" .. math.random(1, 2000))
  end
elseif mode == "walk" then
  request = function()
    return wrk.format("GET", following)
  end
  response = function(status, headers, body)
    -- The body ends with ..."next":"http://host:port/v2/transactions?...&after=..."} (null on the last page).
    following = body:sub(-512):match('"next":"https?://[^/]+(/[^"]+)"}$') or first
  end
else
  error("MODE must be hot, cold or walk")
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local name = mode
  if pause_ms > 0 then
    name = mode .. "_paused_" .. pause_ms .. "ms"
  end
  io.write(string.format("RESULT %s requests=%d seconds=%.1f rate=%.0f bytes_per_page=%.0f errors=%d p50_ms=%.2f"
    .. " p99_ms=%.2f max_ms=%.2f\n", name, summary.requests, seconds, summary.requests / seconds,
    summary.bytes / math.max(1, summary.requests), e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
