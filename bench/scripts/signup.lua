-- POST /signup, a new email on every request.
-- args: path, run id (unique per wrk invocation, so warm-up and run never reuse an email), password
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path, run, password
local sent = 0

function init(args)
   path, run, password = args[1], args[2], args[3]
end

function request()
   sent = sent + 1
   return json_post(path, string.format('{"email":"su-%s-%d-%d@example.com","password":"%s"}', run, thread_index, sent, password))
end
