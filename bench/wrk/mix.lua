-- bench/run.sh's URL mix for wrk: each request picks one path of a file (one path per line,
-- most popular first) with Zipf-distributed popularity: the path of rank k is chosen with
-- probability proportional to 1 / k^s. Usage: wrk ... -s mix.lua URL -- FILE [s=1.0]
-- Each wrk thread has its own Lua state and reads the file in init.
local paths, cdf = {}, {}

init = function(args)
  local file, s = args[1], tonumber(args[2] or "1.0")
  for line in io.lines(file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  local total = 0
  for k = 1, #paths do
    total = total + 1 / (k ^ s)
    cdf[k] = total
  end
  for k = 1, #paths do cdf[k] = cdf[k] / total end
  -- a different sequence per thread: seed from the clock and this state's table address
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

request = function()
  local r, lo, hi = math.random(), 1, #paths
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < r then lo = mid + 1 else hi = mid end
  end
  return wrk.format("GET", paths[lo])
end

-- the report line (defines done) comes from report.lua, next to this file
dofile(os.getenv("MERCATO_WRK_REPORT") or "bench/wrk/report.lua")
