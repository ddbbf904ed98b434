-- Paces each wrk connection (delay between requests) so that c connections give about c * 1000 / delay req/s,
-- sends the bearer token, and prints one machine-readable line of results.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "20")
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("WRK_TOKEN") or "")

function delay()
  return delay_ms
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d errors=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, errors))
  io.write(string.format("ERRORS connect=%d read=%d write=%d status=%d timeout=%d\n", summary.errors.connect,
      summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
