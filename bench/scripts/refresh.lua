-- POST /refresh, each request with a refresh token never used before: thread t of n sends the tokens of sessions
-- first + t, first + t + n, first + t + 2n, ... (refresh tokens are single-use: a replay would revoke the family).
-- args: path, first session, thread count, token prefix
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path, first, stride, pattern
local sent = 0

function init(args)
   path, first, stride = args[1], tonumber(args[2]), tonumber(args[3])
   pattern = '{"refresh_token":"' .. args[4] .. "%0" .. (43 - #args[4]) .. 'd"}'
end

function request()
   local session = first + thread_index + sent * stride
   sent = sent + 1
   return json_post(path, string.format(pattern, session))
end
