-- wrk script for bench/load.sh: a mix of what visitors do (home 20 %, search 35 %, gig
-- detail 35 % over LOAD_URLS, public API 10 %: list with a query or filters, or one gig), over
-- plain HTTP on loopback marked as proxied HTTPS (as behind the TLS-terminating proxy in
-- production). Prints one RESULT line; any non-200 is an error.
local details, api_details = {}, {}
for line in io.lines(os.getenv("LOAD_URLS")) do
  details[#details + 1] = line
  api_details[#api_details + 1] = "/api/v1/gigs/" .. line:match("^/lowongan/(%d+)/") .. "/"
end
local api_lists = {
  "/api/v1/gigs/?q=cs+wfh", "/api/v1/gigs/?q=admin+olshop&pay_model=daily", "/api/v1/gigs/?work_mode=remote",
  "/api/v1/gigs/?channel=shopee&page=2",
}
local searches = {
  "/lowongan/?q=cs+wfh", "/lowongan/?q=admin+olshop+harian", "/lowongan/?q=kerja+dari+rumah",
  "/lowongan/?q=custumer+servis", "/lowongan/?q=part+time+malam", "/lowongan/?pay_model=daily",
  "/lowongan/?q=admin+shopee&work_mode=remote", "/lowongan/?channel=whatsapp&page=2",
}
local headers = {["X-Forwarded-Proto"] = "https"}
local threads = {}
non200 = 0

function setup(thread) table.insert(threads, thread) end

function request()
  local r, path = math.random(20), nil
  if r <= 4 then path = "/"
  elseif r <= 11 then path = searches[math.random(#searches)]
  elseif r <= 18 then path = details[math.random(#details)]
  elseif r == 19 then path = api_lists[math.random(#api_lists)]
  else path = api_details[math.random(#api_details)] end
  return wrk.format("GET", path, headers)
end

function response(status) if status ~= 200 then non200 = non200 + 1 end end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non200") end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d (non-200 %d, socket %d, timeout %d)\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad + socket, bad, socket, e.timeout))
end
