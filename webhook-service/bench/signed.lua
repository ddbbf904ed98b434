-- Cycles through pre-signed webhook deliveries (signature<TAB>body per line); each wrk thread takes every
-- n-th line so no two threads send the same eventId.
-- Arguments after --: <file> <threads> [pause-ms]; a pause makes each connection wait that long between
-- requests, which caps the offered rate at about connections × 1000 / pause per second.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local total = tonumber(args[2] or "2")
  requests_list = {}
  local i = 0
  for line in io.lines(args[1]) do
    if i % total == id then
      local tab = line:find("\t", 1, true)
      local sig = line:sub(1, tab - 1)
      local body = line:sub(tab + 1)
      requests_list[#requests_list + 1] = wrk.format("POST", "/api/banking/webhooks/pluggy/",
        { ["Content-Type"] = "application/json", ["X-Pluggy-Signature"] = sig }, body)
    end
    i = i + 1
  end
  next_index = 1
  pause_ms = tonumber(args[3] or "0")
end

function delay()
  return pause_ms
end

function request()
  local r = requests_list[next_index]
  next_index = next_index + 1
  if next_index > #requests_list then next_index = 1 end
  return r
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, errors %d\n", summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in pairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%-5s %8.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
