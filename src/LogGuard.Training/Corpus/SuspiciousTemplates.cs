namespace LogGuard.Training.Corpus;

/// <summary>Lines an operator must see: failures, abuse, attacks and hardware trouble, across the same formats.</summary>
public static class SuspiciousTemplates
{
    private static readonly string[] Exceptions =
    [
        "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"name\" is null",
        "java.net.ConnectException: Connection refused (Connection refused)",
        "org.postgresql.util.PSQLException: FATAL: remaining connection slots are reserved",
        "java.lang.OutOfMemoryError: Java heap space",
        "System.InvalidOperationException: Sequence contains no elements",
        "redis.clients.jedis.exceptions.JedisConnectionException: Could not get a resource from the pool",
        "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms",
    ];

    public static IEnumerable<SyntheticTemplate> All()
    {
        const string Web = "synthetic/web", App = "synthetic/app", Db = "synthetic/db", Sys = "synthetic/syslog", Json = "synthetic/json", Kv = "synthetic/kv";

        yield return new("web-5xx", Web, true, r => AccessLog.Line(r, r.Pick(new[] { "GET", "POST" }), AccessLog.BenignTarget(r), r.Pick(new[] { 500, 502, 503, 504 })));
        yield return new("web-slow", Web, true, r => AccessLog.Line(r, "GET", AccessLog.BenignTarget(r), 200, requestTime: r.Seconds(3, 45)));
        yield return new("web-scanner", Web, true, r => AccessLog.Line(r, "GET", AccessLog.BenignTarget(r), r.Pick(new[] { 200, 404, 403 }), $"Mozilla/5.00 ({r.Pick(new[] { "Nikto/2.5.0", "sqlmap/1.8#stable (https://sqlmap.org)", "Nmap Scripting Engine", "WPScan v3.8.25", "masscan/1.3", "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)", "gobuster/3.6", "zgrab/0.x" })})"));
        yield return new("web-probe", Web, true, r => AccessLog.Line(r, "GET", r.Pick(new[] { "/.env", "/.git/config", "/wp-login.php", "/phpmyadmin/index.php", "/xmlrpc.php", "/cgi-bin/luci/;stok=/locale", "/shell.php", "/boaform/admin/formLogin", "/HNAP1/", "/manager/html", "/actuator/env", "/.aws/credentials", "/server-status" }), r.Pick(new[] { 404, 403, 200 })));
        yield return new("web-401-burst", Web, true, r => AccessLog.Line(r, "POST", r.Pick(new[] { "/login", "/api/session", "/wp-login.php", "/admin/login" }), r.Pick(new[] { 401, 403 })) + $" auth_failures={r.Between(5, 80)}");
        yield return new("web-429", Web, true, r => AccessLog.Line(r, r.Pick(new[] { "GET", "POST" }), AccessLog.BenignTarget(r), 429));

        yield return new("app-exception", App, true, r => $"{r.AppTime()} ERROR [http-nio-8080-exec-{r.Between(1, 40)}] {r.Pick(Vocabulary.JavaLoggers)} - Request processing failed: {r.Pick(Exceptions)}");
        yield return new("app-timeout", App, true, r => $"{r.AppTime()} ERROR [{r.Pick(Vocabulary.Services)}-client] {r.Pick(Vocabulary.JavaLoggers)} - Call to {r.Pick(Vocabulary.Services)} timed out after {r.Millis(5000, 60000)}ms");
        yield return new("app-fatal", App, true, r => $"{r.AppTime()} FATAL [main] c.e.Application - {r.Pick(new[] { "Unable to start: port 8080 already in use", "Out of memory, shutting down", "Cannot load configuration, exiting", "Database migration failed, aborting start" })}");
        yield return new("app-circuit", App, true, r => $"{r.AppTime()} ERROR [resilience-{r.Between(1, 4)}] c.e.gateway.CircuitBreaker - Circuit breaker '{r.Pick(Vocabulary.Services)}' is OPEN after {r.Between(5, 50)} consecutive failures");
        yield return new("app-auth-failed", App, true, r => $"{r.AppTime()} WARN [http-nio-8443-exec-{r.Between(1, 40)}] c.e.auth.LoginController - Login failed for user '{r.Pick(Vocabulary.Users)}' from {r.Ip()}: invalid credentials ({r.Between(3, 30)} attempts)");
        yield return new("app-token", App, true, r => $"{r.AppTime()} WARN [http-nio-8443-exec-{r.Between(1, 40)}] c.e.auth.TokenValidator - Rejected token for {r.Pick(Vocabulary.Users)}: signature verification failed");
        yield return new("python-traceback", App, true, r => $"{r.AppTime()} ERROR {r.Pick(Vocabulary.Services)}.worker Unhandled exception in task {r.Hex(8)}: Traceback (most recent call last): KeyError: '{r.Word()}'");
        yield return new("app-disk", App, true, r => $"{r.AppTime()} ERROR [{r.Pick(Vocabulary.Services)}-writer] c.e.storage.FileStore - Write failed: No space left on device (/var/lib/{r.Pick(Vocabulary.Services)})");

        yield return new("db-slow", Db, true, r => $"{r.AppTime()} UTC [{r.Between(1000, 99999)}] LOG:  duration: {r.Millis(2000, 60000)}.{r.Between(100, 999)} ms  statement: SELECT * FROM {r.Pick(Vocabulary.Tables)} o JOIN {r.Pick(Vocabulary.Tables)} c ON c.id = o.customer_id ORDER BY o.created_at");
        yield return new("db-deadlock", Db, true, r => $"{r.AppTime()} UTC [{r.Between(1000, 99999)}] ERROR:  deadlock detected DETAIL: Process {r.Between(1000, 99999)} waits for ShareLock on transaction {r.Between(100000, 999999)}");
        yield return new("db-auth", Db, true, r => $"{r.AppTime()} UTC [{r.Between(1000, 99999)}] FATAL:  password authentication failed for user \"{r.Pick(Vocabulary.Users)}\"");
        yield return new("db-syntax", Db, true, r => $"{r.AppTime()} UTC [{r.Between(1000, 99999)}] ERROR:  syntax error at or near \"{r.Pick(new[] { "UNION", "'", "--", "OR" })}\" at character {r.Between(20, 200)}");
        yield return new("db-connections", Db, true, r => $"{r.AppTime()} UTC [{r.Between(1000, 99999)}] FATAL:  sorry, too many clients already");
        yield return new("mysql-denied", Db, true, r => $"{r.IsoTime()} {r.Between(10, 999)} [Warning] Access denied for user '{r.Pick(Vocabulary.Users)}'@'{r.Ip()}' (using password: YES)");

        yield return new("ssh-failed", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} sshd[{r.Between(1000, 65000)}]: Failed password for {(r.Chance(0.5) ? "invalid user " : "")}{r.Pick(Vocabulary.Users)} from {r.Ip()} port {r.Between(1024, 65535)} ssh2");
        yield return new("ssh-invalid", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} sshd[{r.Between(1000, 65000)}]: Invalid user {r.Pick(new[] { "oracle", "test", "admin", "pi", "ftpuser", "support", "guest" })} from {r.Ip()} port {r.Between(1024, 65535)}");
        yield return new("ssh-maxauth", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} sshd[{r.Between(1000, 65000)}]: error: maximum authentication attempts exceeded for root from {r.Ip()} port {r.Between(1024, 65535)} ssh2 [preauth]");
        yield return new("sudo-denied", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} sudo: {r.Pick(Vocabulary.Users)} : user NOT in sudoers ; TTY=pts/{r.Between(0, 9)} ; PWD=/tmp ; USER=root ; COMMAND=/bin/bash");
        yield return new("su-failed", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} su[{r.Between(1000, 65000)}]: FAILED su for root by {r.Pick(Vocabulary.Users)}");
        yield return new("oom", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} kernel: [{r.Between(1, 999999)}.{r.Between(100000, 999999)}] Out of memory: Killed process {r.Between(1000, 65000)} ({r.Pick(new[] { "java", "node", "postgres", "python3" })}) total-vm:{r.Between(100000, 9000000)}kB");
        yield return new("segfault", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} kernel: [{r.Between(1, 999999)}.{r.Between(100000, 999999)}] {r.Pick(new[] { "nginx", "php-fpm", "python3" })}[{r.Between(1000, 65000)}]: segfault at {r.Hex(12)} ip {r.Hex(16)} sp {r.Hex(16)} error 4");
        yield return new("disk-error", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} kernel: [{r.Between(1, 999999)}.{r.Between(100000, 999999)}] {r.Pick(new[] { "blk_update_request: I/O error, dev sda, sector " + r.Between(1000, 99999999), "EXT4-fs error (device nvme0n1p1): ext4_find_entry:1455: inode #" + r.Between(2, 999999) + ": comm " + r.Word() + ": reading directory lblock 0", "md/raid1:md0: Disk failure on sdb1, disabling device" })}");
        yield return new("useradd-root", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} useradd[{r.Between(1000, 65000)}]: new user: name={r.Word()}{r.Between(1, 99)}, UID=0, GID=0, home=/tmp, shell=/bin/bash");

        yield return new("json-error", Json, true, r => $"{{\"timestamp\":\"{r.IsoTime()}\",\"level\":\"error\",\"service\":\"{r.Pick(Vocabulary.Services)}\",\"msg\":\"{r.Pick(new[] { "upstream request failed", "payment provider unavailable", "failed to publish event", "database write failed" })}\",\"error\":\"{r.Pick(new[] { "connection reset by peer", "context deadline exceeded", "503 Service Unavailable", "EOF" })}\"}}");
        yield return new("json-auth", Json, true, r => $"{{\"ts\":\"{r.IsoTime()}\",\"level\":\"warn\",\"event\":\"authentication_failed\",\"user\":\"{r.Pick(Vocabulary.Users)}\",\"ip\":\"{r.Ip()}\",\"reason\":\"{r.Pick(new[] { "bad password", "unknown user", "account locked", "mfa failed" })}\",\"attempts\":{r.Between(3, 50)}}}");
        yield return new("json-ratelimit", Json, true, r => $"{{\"time\":\"{r.IsoTime()}\",\"level\":\"warn\",\"msg\":\"rate limit exceeded\",\"client_ip\":\"{r.Ip()}\",\"limit\":{r.Between(10, 1000)},\"window\":\"1m\"}}");
        yield return new("json-5xx", Json, true, r => $"{{\"timestamp\":\"{r.IsoTime()}\",\"level\":\"error\",\"msg\":\"request completed\",\"path\":\"/api/{r.Pick(Vocabulary.Sections)}\",\"status\":{r.Pick(new[] { 500, 502, 503 })},\"duration_ms\":{r.Millis(10, 30000)}}}");

        yield return new("kv-error", Kv, true, r => $"ts={r.IsoTime()} level=error msg=\"{r.Pick(new[] { "query failed", "handler panic recovered", "dial tcp: connection refused", "TLS handshake error" })}\" component={r.Pick(Vocabulary.Services)} err=\"{r.Pick(new[] { "i/o timeout", "broken pipe", "no route to host", "certificate has expired" })}\"");
        yield return new("kv-slow", Kv, true, r => $"ts={r.IsoTime()} level=warn msg=\"slow request\" method=GET path=/v1/{r.Pick(Vocabulary.Sections)} status=200 duration={r.Seconds(2, 30)}s");
        yield return new("kv-denied", Kv, true, r => $"time={r.IsoTime()} level=warn msg=\"permission denied\" user={r.Pick(Vocabulary.Users)} action={r.Pick(new[] { "delete", "export", "admin.read", "sudo" })} resource=/{r.Pick(Vocabulary.Sections)}/{r.Between(1, 999)}");

        yield return new("json-fatal", Json, true, r => $"{{\"ts\":\"{r.IsoTime()}\",\"level\":\"{r.Pick(new[] { "fatal", "critical" })}\",\"service\":\"{r.Pick(Vocabulary.Services)}\",\"msg\":\"{r.Pick(new[] { "unrecoverable state, exiting", "cannot open data directory", "license check failed, shutting down" })}\"}}");
        yield return new("kv-fatal", Kv, true, r => $"ts={r.IsoTime()} level={r.Pick(new[] { "fatal", "crit", "critical" })} msg=\"{r.Pick(new[] { "failed to bind listener", "storage corrupted", "panic in worker" })}\" component={r.Pick(Vocabulary.Services)}");
        yield return new("systemd-failed", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} systemd[1]: {r.Pick(new[] { "nginx", "postgresql", "docker", "app" })}.service: Main process exited, code=exited, status=1/FAILURE");
        yield return new("kv-5xx", Kv, true, r => $"time={r.IsoTime()} level=error method={r.Pick(new[] { "GET", "POST" })} path=/v1/{r.Pick(Vocabulary.Sections)} status={r.Pick(new[] { 500, 502, 503, 504 })} duration={r.Millis(5, 900)}ms");
        yield return new("json-slow", Json, true, r => $"{{\"time\":\"{r.IsoTime()}\",\"level\":\"warn\",\"msg\":\"slow query\",\"table\":\"{r.Pick(Vocabulary.Tables)}\",\"duration_ms\":{r.Millis(2000, 90000)}}}");
        yield return new("app-slow", App, true, r => $"{r.AppTime()} WARN [http-nio-8080-exec-{r.Between(1, 40)}] {r.Pick(Vocabulary.JavaLoggers)} - Request GET /api/{r.Pick(Vocabulary.Sections)} took {r.Seconds(2.5, 40)}s");
        yield return new("kv-auth", Kv, true, r => $"ts={r.IsoTime()} level=warn msg=\"login failed\" user={r.Pick(Vocabulary.Users)} src={r.Ip()} reason={r.Pick(new[] { "bad_password", "unknown_user", "locked" })}");
        yield return new("json-timeout", Json, true, r => $"{{\"timestamp\":\"{r.IsoTime()}\",\"level\":\"error\",\"msg\":\"upstream timed out\",\"upstream\":\"{r.Pick(Vocabulary.Services)}:8080\",\"timeout_ms\":{r.Millis(1000, 30000)}}}");
        yield return new("kv-ratelimit", Kv, true, r => $"ts={r.IsoTime()} level=warn msg=\"too many requests\" client={r.Ip()} limit={r.Between(10, 500)}/min");
        yield return new("json-exception", Json, true, r => $"{{\"ts\":\"{r.IsoTime()}\",\"level\":\"error\",\"logger\":\"{r.Pick(Vocabulary.JavaLoggers)}\",\"msg\":\"unhandled exception\",\"exception\":\"{r.Pick(new[] { "java.lang.IllegalStateException: Connection pool shut down", "System.NullReferenceException: Object reference not set to an instance of an object", "ValueError: invalid literal for int()" })}\"}}");
        yield return new("kernel-panic", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} kernel: [{r.Between(1, 999999)}.{r.Between(100000, 999999)}] {r.Pick(new[] { "Kernel panic - not syncing: Fatal exception in interrupt", "mce: [Hardware Error]: Machine check events logged", "watchdog: BUG: soft lockup - CPU#" + r.Between(0, 63) + " stuck for 22s!" })}");
        yield return new("python-critical", App, true, r => $"{r.AppTime()} CRITICAL {r.Pick(Vocabulary.Services)}.main: {r.Pick(new[] { "worker pool exhausted, stopping", "could not connect to broker, giving up", "data integrity check failed" })}");
        yield return new("systemd-start-failed", Sys, true, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} systemd[1]: Failed to start {r.Pick(new[] { "PostgreSQL database server", "The nginx HTTP and reverse proxy server", "Docker Application Container Engine", "LSB: backup agent" })}.");
        yield return new("go-panic", App, true, r => $"{r.IsoTime()} [FATAL] {r.Pick(Vocabulary.Services)}: panic: runtime error: {r.Pick(new[] { "invalid memory address or nil pointer dereference", "index out of range [3] with length 3", "slice bounds out of range" })}");
        yield return new("kv-priv", Kv, true, r => $"time={r.IsoTime()} level=warn msg=\"privilege escalation attempt blocked\" user={r.Pick(Vocabulary.Users)} target=root cmd=/bin/sh");
    }
}
