-- wrk script: durable post creates. GREENROOM_COOKIE and GREENROOM_CSRF come from the env.
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "gr_session=" .. os.getenv("GREENROOM_COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("GREENROOM_CSRF")

request = function()
  counter = counter + 1
  local body = '{"body":"Benchmark post number ' .. counter .. ' from the load test","space":"company"}'
  return wrk.format(nil, nil, nil, body)
end

local non_201 = 0
response = function(status, headers, body)
  if status ~= 201 then non_201 = non_201 + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-201 responses: %d\n", non_201))
end
