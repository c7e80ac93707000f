-- POST /signin as a random one of the seeded users bench-1 .. bench-<users>@example.com.
-- args: path, users, password, and "count-statuses" to count responses per status (the storm)
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path, users, password

function init(args)
   path, users, password = args[1], tonumber(args[2]), args[3]
   seed_random()
   if args[4] == "count-statuses" then
      count_statuses()
   end
end

function request()
   return json_post(path, string.format('{"email":"bench-%d@example.com","password":"%s"}', math.random(1, users), password))
end
