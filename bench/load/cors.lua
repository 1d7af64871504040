-- wrk script for bench/load.sh: rotates allowed, disallowed and malformed CORS requests
-- against the quickstart example (127.0.0.1:8080), and checks every response for what
-- holds whatever the request was: no 5xx, `Access-Control-Allow-Origin` only ever the one
-- allowed origin or `*`, and `*` never with `Access-Control-Allow-Credentials`.
-- Per-request expectations are checked by load.sh's curl sampler.

local APP = "https://app.example.com"
local EVIL = "https://evil.example"
local requests = {}

local function raw(method, path, headers, body)
  local lines = { method .. " " .. path .. " HTTP/1.1", "Host: 127.0.0.1:8080" }
  for _, h in ipairs(headers) do
    lines[#lines + 1] = h[1] .. ": " .. h[2]
  end
  if body then
    lines[#lines + 1] = "Content-Type: application/json"
    lines[#lines + 1] = "Content-Length: " .. #body
  end
  return table.concat(lines, "\r\n") .. "\r\n\r\n" .. (body or "")
end

local function preflight(origin, method, acrh)
  local h = { { "Origin", origin }, { "Access-Control-Request-Method", method } }
  if acrh then
    h[#h + 1] = { "Access-Control-Request-Headers", acrh }
  end
  return raw("OPTIONS", "/api/users/7", h)
end

init = function(args)
  local r = requests
  -- Allowed.
  r[#r + 1] = raw("GET", "/api/users/7", { { "Origin", APP } })
  r[#r + 1] = preflight(APP, "PUT", "content-type")
  r[#r + 1] = raw("PUT", "/api/users/7", { { "Origin", APP } }, '{"name":"ada"}')
  r[#r + 1] = raw("GET", "/api/status", { { "Origin", EVIL } })
  r[#r + 1] = raw("GET", "/api/users/7", {})
  -- Disallowed: CORScanner-style origins.
  for _, o in ipairs({ EVIL, "https://app.example.com.evil.example", "https://evilapp.example.com",
    "http://app.example.com", "null", "https://APP.example.com", "https://app.example.com.",
    "https://app.example.com:443", "https://app.example.com_.evil.example" }) do
    r[#r + 1] = raw("GET", "/api/users/7", { { "Origin", o } })
  end
  r[#r + 1] = preflight(EVIL, "PUT", "content-type")
  r[#r + 1] = preflight(APP, "PUT", "x-evil")
  r[#r + 1] = preflight(APP, "DELETE", nil)
  -- Malformed: repeated lines, obs-text, oversized values, hostile request-header lists.
  r[#r + 1] = raw("GET", "/api/users/7", { { "Origin", APP }, { "Origin", EVIL } })
  r[#r + 1] = raw("GET", "/api/users/7", { { "Origin", APP .. "\xff" } })
  r[#r + 1] = raw("GET", "/api/users/7", { { "Origin", "https://" .. string.rep("a", 3000) .. ".example.com" } })
  r[#r + 1] = preflight(APP, "PUT", "content-type" .. string.rep(",", 6000))
  r[#r + 1] = preflight(APP, "PUT", "content-type," .. string.rep(" ", 6000) .. "x")
  r[#r + 1] = preflight(APP, "PUT", string.rep("content-type,", 80))
  r[#r + 1] = preflight(APP, "put", "content-type")
  r[#r + 1] = raw("OPTIONS", "/api/users/7", { { "Origin", APP }, { "Access-Control-Request-Method", "PUT" },
    { "Access-Control-Request-Method", "GET" } })
  r[#r + 1] = raw("GET", "/api/users/not-a-number", { { "Origin", APP } })
  r[#r + 1] = raw("PUT", "/api/users/7", { { "Origin", EVIL } }, "not json")
  i = 0
  s2xx, s4xx, s5xx, other, bad = 0, 0, 0, 0, 0
end

request = function()
  i = i % #requests + 1
  return requests[i]
end

response = function(status, headers, body)
  if status >= 500 then
    s5xx = s5xx + 1
  elseif status >= 400 then
    s4xx = s4xx + 1
  elseif status >= 200 and status < 300 then
    s2xx = s2xx + 1
  else
    other = other + 1
  end
  local acao, acac
  for k, v in pairs(headers) do
    local n = string.lower(k)
    if n == "access-control-allow-origin" then
      acao = v
    elseif n == "access-control-allow-credentials" then
      acac = v
    end
  end
  if acao and acao ~= APP and acao ~= "*" then
    bad = bad + 1
  elseif acao == "*" and acac then
    bad = bad + 1
  elseif acac and not acao then
    bad = bad + 1
  end
end

local threads = {}

setup = function(thread)
  threads[#threads + 1] = thread
end

done = function(summary, latency, requests)
  local t = { s2xx = 0, s4xx = 0, s5xx = 0, other = 0, bad = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do
      t[k] = t[k] + thread:get(k)
    end
  end
  io.write(string.format("CHECKED 2xx=%d 4xx=%d 5xx=%d other=%d bad_cors=%d socket_errors=%d\n",
    t.s2xx, t.s4xx, t.s5xx, t.other, t.bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
