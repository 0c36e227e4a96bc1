namespace LogGuard.Training.Corpus;

/// <summary>Routine lines of the common formats: what a healthy system writes all day.</summary>
public static class NormalTemplates
{
    public static IEnumerable<SyntheticTemplate> All()
    {
        const string Web = "synthetic/web", App = "synthetic/app", Db = "synthetic/db", Sys = "synthetic/syslog", Json = "synthetic/json", Kv = "synthetic/kv";

        yield return new("web-page", Web, false, r => AccessLog.Line(r, "GET", AccessLog.BenignTarget(r), r.Pick(new[] { 200, 200, 200, 304 })));
        yield return new("web-api-post", Web, false, r => AccessLog.Line(r, r.Pick(new[] { "POST", "PUT", "PATCH" }), $"/api/v{r.Between(1, 3)}/{r.Pick(Vocabulary.Sections)}", r.Pick(new[] { 200, 201, 202, 204 })));
        yield return new("web-redirect", Web, false, r => AccessLog.Line(r, "GET", AccessLog.BenignTarget(r), r.Pick(new[] { 301, 302, 307 })));
        yield return new("web-not-found", Web, false, r => AccessLog.Line(r, "GET", $"/{r.Pick(Vocabulary.Sections)}/{r.Word()}-{r.Between(1, 999)}", 404));
        yield return new("web-health", Web, false, r => AccessLog.Line(r, "GET", r.Pick(new[] { "/healthz", "/health/live", "/ready", "/metrics", "/status", "/actuator/health", "/actuator/info", "/actuator/prometheus", "/health" }), 200, r.Pick(new[] { "kube-probe/1.29", "ELB-HealthChecker/2.0", "Prometheus/2.51.0" })));
        yield return new("web-timed", Web, false, r => AccessLog.Line(r, "GET", AccessLog.BenignTarget(r), 200, requestTime: r.Seconds(0.001, 0.4)));
        yield return new("web-login-ok", Web, false, r => AccessLog.Line(r, "POST", r.Pick(new[] { "/login", "/account/signin", "/oauth/token", "/api/session" }), r.Pick(new[] { 200, 302 })));
        yield return new("web-delete", Web, false, r => AccessLog.Line(r, "DELETE", $"/api/v2/{r.Pick(Vocabulary.Sections)}/{r.Between(1, 99999)}", 204));

        yield return new("app-order", App, false, r => $"{r.AppTime()} INFO [http-nio-8080-exec-{r.Between(1, 40)}] {r.Pick(Vocabulary.JavaLoggers)} - Order {r.Between(10000, 99999)} created for customer {r.Between(100, 9999)} in {r.Millis(3, 300)}ms");
        yield return new("app-cache", App, false, r => $"{r.AppTime()} DEBUG [{r.Pick(Vocabulary.Services)}-worker-{r.Between(1, 8)}] cache hit ratio={r.Between(60, 99)}% entries={r.Between(100, 90000)}");
        yield return new("app-job", App, false, r => $"{r.AppTime()} INFO [scheduler-{r.Between(1, 4)}] {r.Pick(Vocabulary.JavaLoggers)} - Job {r.Pick(new[] { "nightly-export", "invoice-run", "index-refresh", "cleanup" })} completed: {r.Between(0, 5000)} items processed");
        yield return new("app-login", App, false, r => $"{r.AppTime()} INFO [http-nio-8443-exec-{r.Between(1, 40)}] c.e.auth.LoginController - User {r.Pick(Vocabulary.Users)} logged in from {r.Ip()}");
        yield return new("app-retry", App, false, r => $"{r.AppTime()} WARN [{r.Pick(Vocabulary.Services)}-client] {r.Pick(Vocabulary.JavaLoggers)} - Retrying request to {r.Pick(Vocabulary.Services)} (attempt {r.Between(1, 2)} of 3)");
        yield return new("app-pool", App, false, r => $"{r.AppTime()} DEBUG [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool - HikariPool-1 - Pool stats (total={r.Between(5, 20)}, active={r.Between(0, 5)}, idle={r.Between(1, 10)}, waiting=0)");
        yield return new("app-startup", App, false, r => $"{r.AppTime()} INFO [main] c.e.Application - Started {r.Pick(Vocabulary.Services)} in {r.Seconds(2, 15)} seconds (process running for {r.Seconds(3, 20)})");
        yield return new("app-config", App, false, r => $"{r.AppTime()} INFO [main] c.e.config.FeatureFlags - Feature flag '{r.Word()}-{r.Word()}' is {(r.Chance(0.5) ? "enabled" : "disabled")}");
        yield return new("app-kafka", App, false, r => $"{r.AppTime()} INFO [kafka-coordinator] o.a.kafka.clients.consumer.KafkaConsumer - Committed offset {r.Between(1000, 9999999)} for partition {r.Pick(Vocabulary.Services)}-{r.Between(0, 11)}");
        yield return new("app-deprecation", App, false, r => $"{r.AppTime()} WARN [main] c.e.config.Settings - Property '{r.Word()}.{r.Word()}' is deprecated, use '{r.Word()}.{r.Word()}' instead");

        yield return new("db-duration", Db, false, r => $"{r.AppTime()} UTC [{r.Between(1000, 99999)}] LOG:  duration: {r.Seconds(0.05, 90)} ms  statement: SELECT * FROM {r.Pick(Vocabulary.Tables)} WHERE id = {r.Between(1, 99999)}");
        yield return new("db-checkpoint", Db, false, r => $"{r.AppTime()} UTC [{r.Between(10, 99)}] LOG:  checkpoint complete: wrote {r.Between(10, 9000)} buffers ({r.Seconds(0, 5)}%); 0 WAL file(s) added, 0 removed, {r.Between(0, 3)} recycled");
        yield return new("db-autovacuum", Db, false, r => $"{r.AppTime()} UTC [{r.Between(1000, 99999)}] LOG:  automatic vacuum of table \"app.public.{r.Pick(Vocabulary.Tables)}\": index scans: {r.Between(0, 2)}");
        yield return new("db-connection", Db, false, r => $"{r.AppTime()} UTC [{r.Between(1000, 99999)}] LOG:  connection authorized: user={r.Pick(Vocabulary.Users)} database=app application_name={r.Pick(Vocabulary.Services)}");
        yield return new("mysql-query", Db, false, r => $"{r.IsoTime()} {r.Between(10, 999)} Query\tUPDATE {r.Pick(Vocabulary.Tables)} SET updated_at = NOW() WHERE id = {r.Between(1, 99999)}");

        yield return new("ssh-accepted", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} sshd[{r.Between(1000, 65000)}]: Accepted publickey for {r.Pick(Vocabulary.Users)} from {r.Ip()} port {r.Between(1024, 65535)} ssh2: ED25519 SHA256:{r.Hex(20)}");
        yield return new("ssh-session", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} sshd[{r.Between(1000, 65000)}]: pam_unix(sshd:session): session {(r.Chance(0.5) ? "opened" : "closed")} for user {r.Pick(Vocabulary.Users)}");
        yield return new("cron", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} CRON[{r.Between(1000, 65000)}]: ({r.Pick(Vocabulary.Users)}) CMD ({r.Pick(new[] { "run-parts /etc/cron.hourly", "/usr/local/bin/backup.sh", "certbot renew -q", "logrotate /etc/logrotate.conf" })})");
        yield return new("systemd", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} systemd[1]: {r.Pick(new[] { "Started", "Stopped", "Reloaded", "Starting" })} {r.Pick(new[] { "Session " + r.Between(1, 9999) + " of user " + r.Pick(Vocabulary.Users), "Daily apt upgrade and clean activities", "nginx.service - A high performance web server", "Cleanup of Temporary Directories" })}.");
        yield return new("kernel-link", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} kernel: [{r.Between(1, 999999)}.{r.Between(100000, 999999)}] {r.Pick(new[] { "eth0", "ens5", "enp0s3" })}: Link is Up - {r.Pick(new[] { "1Gbps", "10Gbps" })}/Full - flow control off");
        yield return new("sudo-ok", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} sudo: {r.Pick(Vocabulary.Users)} : TTY=pts/{r.Between(0, 9)} ; PWD=/home/{r.Pick(Vocabulary.Users)} ; USER=root ; COMMAND=/usr/bin/systemctl restart {r.Pick(Vocabulary.Services)}");
        yield return new("dhcp", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} dhclient[{r.Between(100, 9999)}]: DHCPACK of {r.Ip()} from {r.Ip()} (xid=0x{r.Hex(8)})");
        yield return new("ntp", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} chronyd[{r.Between(100, 9999)}]: Selected source {r.Ip()} ({r.Word()}.pool.ntp.org)");

        yield return new("json-request", Json, false, r => $"{{\"timestamp\":\"{r.IsoTime()}\",\"level\":\"info\",\"service\":\"{r.Pick(Vocabulary.Services)}\",\"msg\":\"request completed\",\"method\":\"GET\",\"path\":\"/api/{r.Pick(Vocabulary.Sections)}\",\"status\":{r.Pick(new[] { 200, 201, 204, 304 })},\"duration_ms\":{r.Millis(1, 400)}}}");
        yield return new("json-event", Json, false, r => $"{{\"ts\":\"{r.IsoTime()}\",\"severity\":\"{r.Pick(new[] { "INFO", "DEBUG" })}\",\"logger\":\"{r.Pick(Vocabulary.Services)}.{r.Word()}\",\"message\":\"{r.Pick(new[] { "payment authorized", "email queued", "user profile updated", "cart merged", "report generated", "webhook delivered" })}\",\"trace_id\":\"{r.Hex(32)}\"}}");
        yield return new("json-metrics", Json, false, r => $"{{\"time\":\"{r.IsoTime()}\",\"level\":\"debug\",\"msg\":\"gc finished\",\"pause_ms\":{r.Millis(1, 40)},\"heap_mb\":{r.Between(100, 4000)}}}");
        yield return new("json-warn", Json, false, r => $"{{\"timestamp\":\"{r.IsoTime()}\",\"level\":\"warn\",\"service\":\"{r.Pick(Vocabulary.Services)}\",\"msg\":\"cache miss, loading from store\",\"key\":\"{r.Word()}:{r.Between(1, 9999)}\"}}");

        yield return new("kv-request", Kv, false, r => $"ts={r.IsoTime()} level=info msg=\"request completed\" method={r.Pick(new[] { "GET", "POST" })} path=/v1/{r.Pick(Vocabulary.Sections)} status={r.Pick(new[] { 200, 201, 204 })} duration={r.Millis(1, 500)}ms");
        yield return new("kv-worker", Kv, false, r => $"time={r.IsoTime()} level=debug component={r.Pick(Vocabulary.Services)} msg=\"batch flushed\" size={r.Between(1, 500)} queue_depth={r.Between(0, 50)}");
        yield return new("kv-deploy", Kv, false, r => $"time={r.IsoTime()} level=info app={r.Pick(Vocabulary.Services)} version=v{r.Between(1, 9)}.{r.Between(0, 40)}.{r.Between(0, 20)} msg=\"rollout complete\" replicas={r.Between(1, 12)}");

        yield return new("app-sync-clean", App, false, r => $"{r.AppTime()} INFO [sync-{r.Between(1, 4)}] {r.Pick(Vocabulary.JavaLoggers)} - Sync finished: {r.Between(10, 9000)} records, 0 errors, 0 failures");
        yield return new("app-warn-capacity", App, false, r => $"{r.AppTime()} WARN [{r.Pick(Vocabulary.Services)}-monitor] {r.Pick(Vocabulary.JavaLoggers)} - Queue {r.Pick(Vocabulary.Services)} at {r.Between(60, 85)}% of capacity");
        yield return new("app-retry-ok", App, false, r => $"{r.AppTime()} INFO [{r.Pick(Vocabulary.Services)}-client] {r.Pick(Vocabulary.JavaLoggers)} - Request to {r.Pick(Vocabulary.Services)} succeeded after {r.Between(2, 3)} attempts");
        yield return new("db-statement", Db, false, r => $"{r.AppTime()} UTC [{r.Between(1000, 99999)}] LOG:  {r.Pick(new[] { "statement: BEGIN", "statement: COMMIT", "disconnection: session time: 0:00:0" + r.Between(1, 9) + ".123 user=app database=app", "database system is ready to accept connections" })}");
        yield return new("syslog-usb", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} kernel: [{r.Between(1, 999999)}.{r.Between(100000, 999999)}] usb {r.Between(1, 4)}-{r.Between(1, 4)}: new high-speed USB device number {r.Between(2, 20)} using xhci_hcd");
        yield return new("syslog-postfix", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} postfix/smtp[{r.Between(1000, 65000)}]: {r.Hex(10).ToUpperInvariant()}: to=<{r.Pick(Vocabulary.Users)}@example.org>, relay=mx.example.org[{r.Ip()}]:25, delay={r.Seconds(0.1, 2)}, status=sent (250 2.0.0 OK)");
        yield return new("syslog-logind", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} systemd-logind[{r.Between(300, 999)}]: New session {r.Between(1, 9999)} of user {r.Pick(Vocabulary.Users)}.");
        yield return new("json-audit-ok", Json, false, r => $"{{\"ts\":\"{r.IsoTime()}\",\"level\":\"info\",\"event\":\"login_succeeded\",\"user\":\"{r.Pick(Vocabulary.Users)}\",\"mfa\":true}}");
        yield return new("json-health", Json, false, r => $"{{\"time\":\"{r.IsoTime()}\",\"level\":\"info\",\"msg\":\"health check passed\",\"checks\":{{\"db\":\"ok\",\"cache\":\"ok\"}},\"errors\":0}}");
        yield return new("kv-retry-ok", Kv, false, r => $"ts={r.IsoTime()} level=info msg=\"retry succeeded\" component={r.Pick(Vocabulary.Services)} attempt={r.Between(2, 3)} error_count=0");
        yield return new("kv-warn-config", Kv, false, r => $"time={r.IsoTime()} level=warn msg=\"config value missing, using default\" key={r.Word()}.{r.Word()} default={r.Between(1, 100)}");
        // Real logs quote names all the time; without these the model learns that a quote means SQL injection.
        yield return new("app-profile", App, false, r => $"{r.AppTime()} INFO [main] c.e.config.ProfileLoader - Loaded profile '{r.Word()}' from 'config/application-{r.Word()}.yml'");
        yield return new("app-unknown-field", App, false, r => $"{r.AppTime()} WARN [{r.Pick(Vocabulary.Services)}-consumer-{r.Between(1, 8)}] {r.Pick(Vocabulary.JavaLoggers)} - Ignoring unknown field '{r.Word()}' in message from '{r.Pick(Vocabulary.Services)}'");
        yield return new("app-bean", App, false, r => $"{r.AppTime()} INFO [main] o.s.c.s.PostProcessorRegistrationDelegate - Bean '{r.Word()}{r.Pick(new[] { "Service", "Repository", "Config" })}' of type [c.e.{r.Word()}.{r.Word()}] is not eligible for getting processed by all BeanPostProcessors");
        yield return new("db-select", Db, false, r => $"{r.AppTime()} UTC [{r.Between(1000, 99999)}] LOG:  statement: SELECT id, name FROM {r.Pick(Vocabulary.Tables)} WHERE status = '{r.Pick(new[] { "active", "pending", "shipped", "paid" })}' AND region = '{r.Word()}' ORDER BY id LIMIT {r.Between(10, 100)}");
        yield return new("syslog-dbus", Sys, false, r => $"{r.SyslogTime()} {r.Pick(Vocabulary.Hosts)} dbus-daemon[{r.Between(300, 999)}]: [system] Activating via systemd: service name='org.freedesktop.{r.Pick(new[] { "hostname1", "timedate1", "locale1", "resolve1" })}' unit='dbus-org.freedesktop.{r.Word()}.service' requested by ':1.{r.Between(10, 999)}' (uid=0 pid={r.Between(100, 65000)} comm=\"{r.Pick(new[] { "hostnamectl", "timedatectl", "systemctl" })}\")");
        yield return new("kv-rule-group", Kv, false, r => $"ts={r.IsoTime()} level=info msg=\"loaded rule group '{r.Word()}-{r.Word()}'\" rules={r.Between(1, 40)} file=/etc/rules/{r.Word()}.yaml");
        yield return new("json-created", Json, false, r => $"{{\"ts\":\"{r.IsoTime()}\",\"level\":\"info\",\"msg\":\"created bucket '{r.Word()}-{r.Between(1, 99)}' in region '{r.Pick(new[] { "eu-west-1", "us-east-2", "ap-south-1" })}'\"}}");
        yield return new("web-bot", Web, false, r => AccessLog.Line(r, "GET", AccessLog.BenignTarget(r), 200, r.Pick(new[] { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)" })));
    }
}
