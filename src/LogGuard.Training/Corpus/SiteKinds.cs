namespace LogGuard.Training.Corpus;

/// <summary>
/// The kinds of site whose ordinary traffic the corpus holds, each written as such sites are commonly built.
/// Every kind is a family of its own in the never-seen evaluation, so each is also scored having never been seen.
/// </summary>
public static class SiteKinds
{
    private static readonly int[] Ok = [200, 200, 200, 200, 200, 304, 301, 302, 404];

    private static readonly string[] Browsers =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.6422.165 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/115.0",
        "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
        "Opera/9.80 (Windows NT 6.0) Presto/2.12.388 Version/12.14",
    ];

    private static readonly string[] Programs =
    [
        "python-requests/2.32.3", "axios/1.7.2", "node-fetch/1.0", "Go-http-client/1.1", "okhttp/4.12.0", "curl/7.88.1",
        "PostmanRuntime/7.39.0", "Java/17.0.11", "aws-sdk-go-v2/1.30.0", "Ruby", "Faraday v2.9.2", "insomnia/2023.5.8",
    ];

    private static readonly string[] Apps =
    [
        "MyApp/5.12.1 (iPhone; iOS 17.5.1; Scale/3.00)", "Dalvik/2.1.0 (Linux; U; Android 13; Pixel 7 Build/TQ3A.230901.001)",
        "okhttp/4.9.3", "CFNetwork/1496.0.7 Darwin/23.5.0", "ShopApp/3.4 (Android 14; SM-S918B)", "NewsReader/8.1.0 CFNetwork/1410.1 Darwin/22.6.0",
    ];

    private static readonly string[] Crawlers =
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
        "Mozilla/5.0 (compatible; DuckDuckBot-Https/1.1; https://duckduckgo.com/duckduckbot)", "Twitterbot/1.0", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", "Mozilla/5.0 (compatible; Applebot/0.1; +http://www.apple.com/go/applebot)",
    ];

    private static readonly string[] Monitors =
    [
        "kube-probe/1.30", "Prometheus/2.53.0", "ELB-HealthChecker/2.0", "Blackbox Exporter/0.25.0", "UptimeRobot/2.0",
        "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)", "GoogleHC/1.0", "Consul Health Check", "Datadog Agent/7.54.0",
    ];

    public static readonly IReadOnlyList<SiteKind> All =
    [
        new("blog", ["p", "page_id", "cat", "tag", "s", "paged", "replytocom", "amp", "preview"],
            (site, r) => $"/{r.Between(2012, 2026)}/{r.Between(1, 12):00}/{site.Slug(r)}/",
            (site, r) => r.Next(8) switch
            {
                0 => new("GET", $"/{r.Between(2012, 2026)}/{r.Between(1, 12):00}/{r.Between(1, 28):00}/{site.Slug(r)}/", r.Pick(Ok)),
                1 => new("GET", $"/category/{site.Word(r)}/{(r.Chance(0.3) ? $"page/{r.Between(2, 40)}/" : "")}", r.Pick(Ok)),
                2 => new("GET", $"/wp-content/uploads/{r.Between(2015, 2026)}/{r.Between(1, 12):00}/{site.Slug(r)}-{r.Between(300, 1200)}x{r.Between(200, 900)}.jpg", 200),
                3 => new("POST", "/wp-comments-post.php", r.Pick(new[] { 302, 200 })),
                4 => new("GET", $"/?s={Site.Encode(r, BenignValues.Search(r, site.Words))}", 200),
                5 => new("GET", $"/feed/{(r.Chance(0.5) ? "atom/" : "")}", 200, r.Pick(new[] { "Feedly/1.0 (+http://www.feedly.com/fetcher.html)", "Tiny Tiny RSS/23.04", "NetNewsWire (RSS Reader; https://netnewswire.com/)" })),
                6 => new("GET", $"/{site.Slug(r)}/{site.Query(r, 1, 2)}", r.Pick(Ok)),
                _ => new("GET", $"/author/{site.Word(r)}/", r.Pick(Ok)),
            }),
        new("shop", ["variant", "quantity", "sort_by", "filter.v.price.gte", "filter.p.vendor", "page", "q", "coupon", "ref", "color", "size"],
            (site, r) => r.Pick(new[] { $"/products/{site.Slug(r)}", "/search", $"/collections/{site.Word(r)}", "/cart/add", "/checkout" }),
            (site, r) => r.Next(9) switch
            {
                0 => new("GET", $"/products/{site.Slug(r)}{(r.Chance(0.4) ? $"?variant={r.Between(10000000, 99999999)}" : "")}", r.Pick(Ok)),
                1 => new("GET", $"/collections/{site.Word(r)}{site.Query(r, 1, 3)}", r.Pick(Ok)),
                2 => new("POST", "/cart/add.js", 200),
                3 => new("GET", $"/search?q={Site.Encode(r, BenignValues.Search(r, site.Words))}&type=product", 200),
                4 => new("POST", r.Pick(new[] { "/checkout/shipping", "/checkout/payment", "/cart/update.js", "/account/login" }), r.Pick(new[] { 200, 302 })),
                5 => new("GET", $"/cdn/shop/files/{site.Word(r)}_{r.Between(100, 2000)}x.jpg?v={r.Between(1600000000, 1790000000)}", 200),
                6 => new("GET", $"/account/orders/{r.Hex(16)}", r.Pick(new[] { 200, 302 })),
                7 => new("GET", $"/products/{site.Slug(r)}.json", 200, r.Pick(Programs)),
                _ => new("GET", $"/pages/{site.Word(r)}", r.Pick(Ok)),
            }),
        new("news", ["page", "ref", "utm_source", "utm_medium", "utm_campaign", "share", "ico", "smid", "output"],
            (site, r) => $"/{site.Word(r)}/{r.Between(2015, 2026)}/{r.Between(1, 12):00}/{r.Between(1, 28):00}/{site.Slug(r)}.html",
            (site, r) => r.Next(7) switch
            {
                0 => new("GET", $"/{site.Word(r)}/{site.Word(r)}/{r.Between(2015, 2026)}/{r.Between(1, 12):00}/{r.Between(1, 28):00}/{site.Slug(r)}.html", r.Pick(Ok)),
                1 => new("GET", $"/{site.Word(r)}/{site.Slug(r)}-{r.Between(10000000, 99999999)}{(r.Chance(0.5) ? "?utm_source=" + r.Pick(new[] { "twitter", "facebook", "newsletter", "rss" }) + "&utm_medium=social" : "")}", r.Pick(Ok)),
                2 => new("GET", $"/live/{r.Between(2020, 2026)}/{site.Slug(r)}", 200),
                3 => new("GET", $"/amp/{site.Word(r)}/{site.Slug(r)}", 200),
                4 => new("GET", $"/section/{site.Word(r)}?page={r.Between(1, 50)}", r.Pick(Ok)),
                5 => new("GET", $"/images/{r.Between(2015, 2026)}/{r.Between(1, 12):00}/{r.Hex(12)}-{r.Pick(new[] { "superJumbo", "articleLarge", "thumbStandard" })}.jpg", 200),
                _ => new("GET", "/", 200),
            }),
        new("rest-api", ["limit", "offset", "cursor", "status", "expand", "fields", "sort", "include", "since", "until", "per_page", "starting_after"],
            (site, r) => $"/v{r.Between(1, 3)}/{site.Word(r)}s",
            (site, r) => r.Next(7) switch
            {
                0 => new("GET", $"/v{r.Between(1, 3)}/{site.Word(r)}s/{BenignValues.Uuid(r)}", r.Pick(new[] { 200, 200, 404, 304 }), r.Pick(Programs)),
                1 => new("GET", $"/v{r.Between(1, 3)}/{site.Word(r)}s{site.Query(r, 1, 4)}", r.Pick(new[] { 200, 200, 400 }), r.Pick(Programs)),
                2 => new(r.Pick(new[] { "POST", "PUT", "PATCH" }), $"/v{r.Between(1, 3)}/{site.Word(r)}s/{r.Between(1, 9999999)}", r.Pick(new[] { 200, 201, 204, 409, 422 }), r.Pick(Programs)),
                3 => new("DELETE", $"/v{r.Between(1, 3)}/{site.Word(r)}s/{BenignValues.Uuid(r)}", r.Pick(new[] { 204, 404 }), r.Pick(Programs)),
                4 => new("POST", "/graphql", 200, r.Pick(Programs)),
                5 => new("GET", $"/v{r.Between(1, 3)}/{site.Word(r)}s/{r.Between(1, 999999)}/{site.Word(r)}s?{site.Key(r)}={Site.Encode(r, BenignValues.Date(r))}", 200, r.Pick(Programs)),
                _ => new("OPTIONS", $"/v{r.Between(1, 3)}/{site.Word(r)}s", 204, r.Pick(Browsers)),
            }),
        new("docs", ["q", "check_keywords", "area", "highlight", "version", "lang", "tab", "view"],
            (site, r) => r.Pick(new[] { "/search.html", $"/docs/{site.Word(r)}/", "/en-US/search" }),
            (site, r) => r.Next(6) switch
            {
                0 => new("GET", $"/docs/{BenignValues.Version(r)}/{site.Word(r)}/{site.Slug(r)}{r.Pick(new[] { ".html", "/", "" })}", r.Pick(Ok)),
                1 => new("GET", $"/en-US/docs/{site.Word(r)}/{site.Word(r)}/{site.Word(r)}", r.Pick(Ok)),
                2 => new("GET", $"/search.html?q={Site.Encode(r, BenignValues.Search(r, site.Words))}&check_keywords=yes&area=default", 200),
                3 => new("GET", $"/_static/{r.Pick(new[] { "pygments.css", "searchtools.js", "doctools.js", "basic.css" })}?v={r.Hex(8)}", 200),
                4 => new("GET", $"/reference/{site.Word(r)}.{site.Word(r)}.{site.Word(r)}.html", r.Pick(Ok)),
                _ => new("GET", $"/api/{site.Word(r)}/{site.Word(r)}.html", 200),
            }),
        new("static-cdn", ["v", "w", "h", "q", "fm", "fit", "auto", "dpr", "crop", "format"],
            (site, r) => $"/img/{site.Word(r)}/{r.Hex(10)}.jpg",
            (site, r) => r.Next(5) switch
            {
                0 => new("GET", $"/assets/{site.Word(r)}.{r.Hex(8)}.{r.Pick(new[] { "js", "css", "woff2", "svg", "map" })}", r.Pick(new[] { 200, 304 })),
                1 => new("GET", $"/img/{site.Word(r)}/{r.Hex(10)}.{r.Pick(new[] { "jpg", "webp", "avif", "png" })}?w={r.Pick(new[] { 320, 640, 1024, 1920 })}&q={r.Between(60, 90)}&fm=webp", r.Pick(new[] { 200, 304 })),
                2 => new("GET", $"/image/upload/w_{r.Between(100, 1600)},h_{r.Between(100, 1200)},c_fill,q_auto,f_auto/v{r.Between(1500000000, 1790000000)}/{site.Word(r)}/{r.Hex(12)}.jpg", 200),
                3 => new("GET", $"/npm/{site.Word(r)}@{BenignValues.Version(r)}/dist/{site.Word(r)}.min.js", r.Pick(new[] { 200, 304 })),
                _ => new("HEAD", $"/{site.Word(r)}/{r.Hex(16)}.mp4", 200),
            }),
        new("search-portal", ["q", "hl", "start", "num", "tbm", "safe", "lr", "k", "search_query", "page", "type"],
            (site, r) => r.Pick(new[] { "/search", "/s", "/results" }),
            (site, r) => r.Next(4) switch
            {
                0 => new("GET", $"/search?q={Site.Encode(r, BenignValues.Search(r, site.Words))}&hl={r.Pick(new[] { "en", "es", "de", "fr" })}{(r.Chance(0.4) ? "&start=" + (r.Between(1, 9) * 10) : "")}", 200),
                1 => new("GET", $"/s?k={Site.Encode(r, BenignValues.Search(r, site.Words))}&ref=nb_sb_noss", 200),
                2 => new("GET", $"/results?search_query={Site.Encode(r, BenignValues.Search(r, site.Words))}", 200),
                _ => new("GET", $"/complete/search?client=firefox&q={Site.Encode(r, site.Word(r))}", 200),
            }),
        new("admin-panel", ["post", "action", "page", "role", "orderby", "order", "post_status", "paged", "export", "format", "from", "to", "_wpnonce"],
            (site, r) => r.Pick(new[] { "/wp-admin/post.php", "/admin/users", "/dashboard/reports", "/admin/orders" }),
            (site, r) => r.Next(7) switch
            {
                0 => new("GET", $"/wp-admin/post.php?post={r.Between(1, 99999)}&action=edit", 200),
                1 => new("GET", $"/wp-admin/edit.php?post_status={r.Pick(new[] { "publish", "draft", "trash" })}&post_type={r.Pick(new[] { "post", "page", "product" })}&paged={r.Between(1, 20)}", 200),
                2 => new("POST", "/wp-admin/admin-ajax.php", 200),
                3 => new("GET", $"/admin/users?role={r.Pick(new[] { "editor", "admin", "viewer" })}&page={r.Between(1, 30)}&orderby=registered&order=desc", 200),
                4 => new("POST", $"/admin/orders/{r.Between(1000, 999999)}/{r.Pick(new[] { "refund", "ship", "cancel", "notes" })}", r.Pick(new[] { 200, 302 })),
                5 => new("GET", $"/dashboard/reports/export?format={r.Pick(new[] { "csv", "xlsx", "pdf" })}&from={BenignValues.Date(r)}&to={BenignValues.Date(r)}", 200),
                _ => new("GET", $"/admin/{site.Word(r)}/{site.Word(r)}{site.Query(r, 0, 2)}", r.Pick(new[] { 200, 302, 403 })),
            }),
        new("forms", ["name", "surname", "first_name", "last_name", "email", "phone", "address", "city", "zip", "postcode", "country", "province", "dob", "quantity", "comments", "subject", "message", "company", "accept_terms"],
            (site, r) => r.Pick(new[] { "/register", "/contact", "/checkout/address", "/booking", "/newsletter/subscribe", $"/{site.Word(r)}/form.php" }),
            (site, r) => r.Next(4) switch
            {
                0 => new("GET", $"{r.Pick(new[] { "/register", "/contact", "/booking", "/quote" })}?{string.Join('&', PersonFields(r))}", r.Pick(new[] { 200, 302 })),
                1 => new("POST", r.Pick(new[] { "/register", "/contact", "/booking/confirm", "/newsletter/subscribe", "/checkout/address" }), r.Pick(new[] { 200, 302, 303 })),
                2 => new("GET", $"/{site.Word(r)}/{r.Pick(new[] { "form.php", "registro.jsp", "anadir.jsp", "entrar.jsp", "contact.aspx" })}?{string.Join('&', PersonFields(r).Take(r.Between(1, 5)))}", r.Pick(new[] { 200, 302 })),
                _ => new("GET", $"/{r.Pick(new[] { "thanks", "confirmation", "gracias", "merci" })}?ref={r.Hex(10)}", 200),
            }),
        new("monitoring", ["format", "verbose", "probe", "timeout", "module", "target"],
            (site, r) => r.Pick(new[] { "/status", "/probe", "/health" }),
            (site, r) => r.Next(4) switch
            {
                0 => new("GET", r.Pick(new[] { "/healthz", "/livez", "/readyz", "/health", "/health/ready", "/ping", "/status", "/metrics", "/actuator/health", "/-/healthy", "/server-info" }), 200, r.Pick(Monitors)),
                1 => new("GET", $"/status?format={r.Pick(new[] { "json", "text" })}&verbose={r.Pick(new[] { "0", "1" })}", 200, r.Pick(Monitors)),
                2 => new("HEAD", "/", 200, r.Pick(Monitors)),
                _ => new("GET", $"/probe?module=http_2xx&target={Site.Encode(r, "https://" + site.Host + "/" + site.Word(r))}", 200, r.Pick(Monitors)),
            }),
        new("crawler", ["p", "page", "lang", "hl"],
            (site, r) => $"/{site.Slug(r)}",
            (site, r) => r.Next(4) switch
            {
                0 => new("GET", "/robots.txt", r.Pick(new[] { 200, 304 }), r.Pick(Crawlers)),
                1 => new("GET", r.Pick(new[] { "/sitemap.xml", "/sitemap_index.xml", $"/sitemap-{site.Word(r)}-{r.Between(1, 9)}.xml", "/news-sitemap.xml" }), 200, r.Pick(Crawlers)),
                2 => new("GET", $"/{site.Word(r)}/{site.Slug(r)}{(r.Chance(0.3) ? site.Query(r, 1, 1) : "")}", r.Pick(Ok), r.Pick(Crawlers)),
                _ => new("GET", $"/{r.Pick(new[] { "favicon.ico", "apple-touch-icon.png", "ads.txt", ".well-known/security.txt", "humans.txt" })}", r.Pick(new[] { 200, 404 }), r.Pick(Crawlers)),
            }),
        new("mobile-api", ["device_id", "os", "os_version", "app_version", "lat", "lng", "locale", "push_token", "since_id", "count", "build"],
            (site, r) => $"/api/mobile/v{r.Between(2, 9)}/{site.Word(r)}",
            (site, r) => r.Next(4) switch
            {
                0 => new("GET", $"/api/mobile/v{r.Between(2, 9)}/{site.Word(r)}?device_id={BenignValues.Uuid(r)}&os={r.Pick(new[] { "ios", "android" })}&app_version={BenignValues.Version(r)}&lat={r.Between(-90, 90)}.{r.Between(1000, 9999)}&lng={r.Between(-180, 180)}.{r.Between(1000, 9999)}", 200, r.Pick(Apps)),
                1 => new("POST", $"/api/mobile/v{r.Between(2, 9)}/{r.Pick(new[] { "events", "devices/register", "session/refresh", "analytics/batch" })}", r.Pick(new[] { 200, 201, 204, 401 }), r.Pick(Apps)),
                2 => new("GET", $"/api/mobile/v{r.Between(2, 9)}/{site.Word(r)}/{r.Between(1, 9999999)}?locale={r.Pick(new[] { "en_US", "es_ES", "pt_BR", "de_DE", "ja_JP" })}", r.Pick(new[] { 200, 304, 404 }), r.Pick(Apps)),
                _ => new("GET", $"/api/mobile/config?build={r.Between(1000, 9999)}&platform={r.Pick(new[] { "ios", "android" })}", 200, r.Pick(Apps)),
            }),
        new("forum", ["t", "f", "p", "start", "topic", "sid", "sort", "highlight", "view", "mode"],
            (site, r) => r.Pick(new[] { "/viewtopic.php", "/index.php", "/search.php", "/posting.php" }),
            (site, r) => r.Next(5) switch
            {
                0 => new("GET", $"/viewtopic.php?t={r.Between(1, 999999)}{(r.Chance(0.5) ? "&start=" + (r.Between(1, 40) * 15) : "")}", r.Pick(Ok)),
                1 => new("GET", $"/index.php?topic={r.Between(1, 99999)}.msg{r.Between(1, 999999)}", 200),
                2 => new("POST", $"/posting.php?mode={r.Pick(new[] { "reply", "post", "edit", "quote" })}&f={r.Between(1, 80)}", r.Pick(new[] { 200, 302 })),
                3 => new("GET", $"/search.php?keywords={Site.Encode(r, BenignValues.Search(r, site.Words))}&sr=posts", 200),
                _ => new("GET", $"/t/{site.Slug(r)}/{r.Between(1, 99999)}/{r.Between(1, 200)}", r.Pick(Ok)),
            }),
        new("sso", ["response_type", "client_id", "redirect_uri", "scope", "state", "nonce", "code", "code_challenge", "code_challenge_method", "prompt", "next", "return_to", "SAMLRequest", "RelayState"],
            (site, r) => r.Pick(new[] { "/oauth2/authorize", "/login", "/saml/sso" }),
            (site, r) => r.Next(5) switch
            {
                0 => new("GET", $"/oauth2/authorize?response_type=code&client_id={r.Hex(20)}&redirect_uri={Uri.EscapeDataString($"https://{site.Host}/{site.Word(r)}/callback")}&scope={Uri.EscapeDataString("openid profile email")}&state={BenignValues.Token(r)}&code_challenge={BenignValues.Token(r)}&code_challenge_method=S256", r.Pick(new[] { 200, 302 })),
                1 => new("GET", $"/login?next={Uri.EscapeDataString("/" + site.Word(r) + "/" + site.Word(r))}", 200),
                2 => new("POST", r.Pick(new[] { "/oauth2/token", "/login", "/saml/acs", "/mfa/verify", "/logout" }), r.Pick(new[] { 200, 302, 401 })),
                3 => new("GET", $"/{site.Word(r)}/callback?code={BenignValues.Token(r)}&state={BenignValues.Token(r)}", 302),
                _ => new("GET", "/.well-known/openid-configuration", 200, r.Pick(Programs)),
            }),
    ];

    // A registration or contact form as browsers send it with GET: every value a person types.
    private static IEnumerable<string> PersonFields(SyntheticRandom random)
    {
        var fields = new (string Key, string Value)[]
        {
            (random.Pick(new[] { "name", "nombre", "first_name" }), BenignValues.FirstName(random)),
            (random.Pick(new[] { "surname", "apellidos", "last_name" }), BenignValues.Surname(random)),
            ("email", BenignValues.Email(random)),
            (random.Pick(new[] { "phone", "telefono", "tel" }), BenignValues.Phone(random)),
            (random.Pick(new[] { "address", "direccion" }), BenignValues.Address(random)),
            (random.Pick(new[] { "zip", "cp", "postcode" }), random.Between(1000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (random.Pick(new[] { "comments", "message", "subject" }), BenignValues.Search(random, Vocabulary.Words)),
            (random.Pick(new[] { "quantity", "cantidad", "guests" }), random.Between(1, 12).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (random.Pick(new[] { "B1", "submit", "action" }), random.Pick(new[] { "Registrar", "Send", "Enviar", "Submit", "Confirmar", "Aceptar" })),
        };
        return fields.Where(_ => random.Chance(0.8)).Select(field => $"{field.Key}={Site.Encode(random, field.Value)}");
    }
}
