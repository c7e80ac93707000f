-- GET /me with the access token of a random one of the seeded sessions first .. first + sessions - 1.
-- args: path, sessions, token prefix (a token is the prefix and the session's number, zero-padded to 43 characters),
-- optionally first (default 1)
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path, sessions, pattern, first

function init(args)
   path, sessions, first = args[1], tonumber(args[2]), tonumber(args[4] or "1")
   pattern = args[3] .. "%0" .. (43 - #args[3]) .. "d"
   seed_random()
end

function request()
   return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. string.format(pattern, math.random(first, first + sessions - 1)) })
end
