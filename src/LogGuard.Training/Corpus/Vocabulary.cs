namespace LogGuard.Training.Corpus;

/// <summary>The word lists the synthetic generator draws from; wide on purpose, so no template is memorable.</summary>
public static class Vocabulary
{
    public static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.2420.81",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0", "Wget/1.21.4", "python-requests/2.31.0", "Go-http-client/2.0", "okhttp/4.12.0",
        "kube-probe/1.29", "Prometheus/2.51.0", "ELB-HealthChecker/2.0", "Apache-HttpClient/4.5.14 (Java/17.0.10)",
        "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/122.0 Mobile/15E148 Safari/604.1",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
        "facebookexternalhit/1.1", "Dalvik/2.1.0 (Linux; U; Android 13; SM-S911B Build/TP1A.220624.014)",
    ];

    public static readonly string[] Sections =
    [
        "products", "catalog", "blog", "news", "docs", "help", "account", "orders", "cart", "search", "users", "articles",
        "events", "tickets", "reports", "invoices", "media", "downloads", "support", "forum", "courses", "jobs", "store",
        "recipes", "listings", "properties", "tracks", "albums", "photos", "projects", "teams", "settings", "billing",
    ];

    public static readonly string[] Words =
    [
        "summer", "sale", "laptop", "shoes", "coffee", "garden", "review", "guide", "install", "release", "notes", "pricing",
        "winter", "jacket", "camera", "lens", "tent", "bike", "helmet", "chair", "desk", "lamp", "kitchen", "knife", "tea",
        "python", "kubernetes", "invoice", "welcome", "about", "contact", "careers", "privacy", "terms", "faq", "status",
        "madrid", "berlin", "london", "tokyo", "paris", "oslo", "lisbon", "vienna", "prague", "dublin", "boston", "denver",
        "blue", "red", "green", "large", "small", "new", "used", "classic", "modern", "organic", "wireless", "portable",
        "maria", "jose", "anna", "peter", "lucas", "emma", "noah", "olivia", "liam", "sofia", "juan", "carmen", "pablo",
    ];

    public static readonly string[] StaticAssets =
    [
        "/static/js/app.{0}.js", "/static/css/main.{0}.css", "/assets/img/logo.png", "/favicon.ico", "/robots.txt",
        "/images/products/{1}.jpg", "/fonts/inter-{2}.woff2", "/sitemap.xml", "/manifest.json", "/assets/vendor.{0}.js",
    ];

    public static readonly string[] QueryKeys =
    [
        "q", "page", "sort", "limit", "offset", "lang", "ref", "utm_source", "utm_campaign", "category", "id", "filter",
        "color", "size", "from", "to", "city", "name", "tag", "view", "format", "currency", "session_state", "return_to",
    ];

    public static readonly string[] Services =
    [
        "checkout", "payments", "inventory", "auth", "search", "notifications", "billing", "catalog", "gateway", "orders",
        "shipping", "recommendations", "users", "reporting", "scheduler", "ingest", "media", "profile", "pricing",
    ];

    public static readonly string[] JavaLoggers =
    [
        "c.e.orders.OrderService", "c.e.billing.InvoiceJob", "o.s.web.servlet.DispatcherServlet", "c.e.auth.TokenValidator",
        "c.e.catalog.ProductRepository", "o.h.engine.jdbc.spi.SqlExceptionHelper", "c.e.gateway.RouteFilter",
        "com.zaxxer.hikari.pool.HikariPool", "c.e.search.IndexUpdater", "o.a.kafka.clients.consumer.KafkaConsumer",
    ];

    public static readonly string[] Users =
    [
        "alice", "bob", "deploy", "jenkins", "ubuntu", "ec2-user", "backup", "postgres", "www-data", "nagios", "git",
        "maria.lopez", "j.smith", "svc-report", "ansible", "admin1", "kwilson", "rchen", "ops", "build",
    ];

    public static readonly string[] Hosts =
    [
        "web-01", "web-02", "api-3", "db-primary", "worker-7", "ip-10-0-3-17", "edge-fra-2", "node-a14", "app-prod-5", "bastion",
    ];

    public static readonly string[] Tables =
    [
        "orders", "customers", "products", "invoices", "sessions", "events", "audit_log", "payments", "shipments", "users",
    ];
}
