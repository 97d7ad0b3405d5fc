-- wrk script of bench/bench_web.py: every request a URL not asked before.
-- Arguments (after "--"): the path prefix ("/api/works" or "-" for none), then
-- the work URIs. Request n asks work n mod W on a day of 1990-2025 that no
-- earlier request asked of that work (a stride of 7 days through 13,149 days, which 7 does not divide:
-- all of them before one repeats),
-- so a server's answer cache never helps: each answer is made anew.
local works = {}
local prefix = ""
local n = 0
local DAYS = 13149 -- 1990-01-01 .. 2025-12-31
local START = os.time{year = 1990, month = 1, day = 1, hour = 12}

init = function(args)
  prefix = args[1] == "-" and "" or args[1]
  for i = 2, #args do works[#works + 1] = args[i] end
end

request = function()
  local w = works[(n % #works) + 1]
  local k = math.floor(n / #works)
  local day = os.date("!%Y-%m-%d", START + (k * 7) % DAYS * 86400)
  n = n + 1
  return wrk.format("GET", prefix .. w .. ":" .. day)
end
