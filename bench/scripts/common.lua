-- Shared by the scenario scripts (each starts with dofile(os.getenv("BENCH_LUA") .. "/common.lua")).
-- Numbers wrk's threads, optionally counts responses per status, and prints the one line the driver reads:
-- BENCH_RESULT {"requests":..,"duration_us":..,"p50_us":..,"p99_us":..,<error counts>,"statuses":{..}}

local threads = {}

-- Runs in the main Lua state once per thread, before the thread's init(): the thread's number lands in its globals.
function setup(thread)
   thread:set("thread_index", #threads)
   table.insert(threads, thread)
end

-- Called from a scenario's init() when it wants responses counted per status. Defining response() makes wrk hand
-- every response to Lua, which costs throughput, so only the storm does it.
function count_statuses()
   statuses = {}
   response = function(status, headers, body)
      statuses[status] = (statuses[status] or 0) + 1
   end
end

-- A random generator per thread, seeded differently in each.
function seed_random()
   math.randomseed(os.time() * 131 + thread_index * 7919)
end

function json_post(path, body)
   return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
   local merged = {}
   for _, thread in ipairs(threads) do
      local counted = thread:get("statuses")
      if counted then
         for status, count in pairs(counted) do
            merged[status] = (merged[status] or 0) + count
         end
      end
   end

   local parts = {}
   for status, count in pairs(merged) do
      table.insert(parts, string.format('"%d":%d', status, count))
   end

   local e = summary.errors
   io.write(string.format(
      'BENCH_RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"status_errors":%d,"connect_errors":%d,' ..
      '"read_errors":%d,"write_errors":%d,"timeouts":%d,"statuses":{%s}}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status, e.connect,
      e.read, e.write, e.timeout, table.concat(parts, ",")))
end
