-- GET /me with the access token of a random one of the seeded sessions 1 .. <sessions>.
-- args: path, sessions, token prefix (a token is the prefix and the session's number, zero-padded to 43 characters)
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path, sessions, pattern

function init(args)
   path, sessions = args[1], tonumber(args[2])
   pattern = args[3] .. "%0" .. (43 - #args[3]) .. "d"
   seed_random()
end

function request()
   return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. string.format(pattern, math.random(1, sessions)) })
end
