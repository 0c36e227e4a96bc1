-- wrk script: POST /detect with a body of N lines (N = first script argument), drawn from a realistic mix.
local mix = {
  [[10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products/garden-chair-42?ref=home HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0\"]],
  [[10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products?id=1%27%20UNION%20SELECT%20username,password%20FROM%20users-- HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"]],
  [[Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for invalid user webmaster from 173.234.31.186 port 38926 ssh2]],
  [[2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created for customer 77 in 35ms]],
  [[{\"ts\":\"2026-03-04T10:01:02Z\",\"level\":\"error\",\"service\":\"checkout\",\"msg\":\"upstream request failed\"}]],
  [[081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating]],
  [[ts=2026-03-04T10:01:02Z level=info msg=\"request completed\" method=GET path=/v1/orders status=200 duration=12ms]],
  [[1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected]],
}

function init(args)
  local n = tonumber(args[1] or "1")
  local lines = {}
  for i = 1, n do
    lines[i] = '"' .. mix[((i - 1) % #mix) + 1] .. '"'
  end
  wrk.method = "POST"
  wrk.path = "/detect"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"lines":[' .. table.concat(lines, ",") .. '],"source":"load-test"}'
end
