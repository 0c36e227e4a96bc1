using System.Net.Http.Json;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Data;
using LogGuard.Testing.Databases;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LogGuard.Api.Tests.Browser;

/// <summary>The dashboard in a real headless Chromium, against the service started as an operator starts it.</summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private const string AdminKey = "test-admin-key";

    // As root, Chromium needs --no-sandbox; the rest keep it from reaching for the network this machine does not have.
    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 30_000 };

    [ChromiumFact]
    public async Task Dashboard_LoadsWithoutErrors_ShowsTheStateAndFollowsAChangeOfState()
    {
        using var database = TestDatabase.Create(DatabaseProviders.Sqlite);
        using var service = await RunningService.StartAsync(new Dictionary<string, string>(database.Environment)
        {
            ["LogGuard__Security__AdminApiKey"] = AdminKey,
            ["LogGuard__Monitoring__Enabled"] = "true",
            ["LogGuard__Monitoring__IntervalSeconds"] = "1",
            ["LogGuard__Monitoring__SettleMilliseconds"] = "300",
            ["LogGuard__Monitoring__BaselineSize"] = "400",
            ["LogGuard__Monitoring__MinSamples"] = "150",
        });
        var traffic = new TrafficSource(seed: 7);
        (await service.Client.PostLinesAsync(traffic.Healthy(400))).EnsureSuccessStatusCode();
        (await service.Client.PostLinesAsync([
            "10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products?id=1%27%20UNION%20SELECT%20password%20FROM%20users-- HTTP/1.1\" 200 512 \"-\" \"sqlmap/1.8\"",
            "2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created in 35ms",
        ])).EnsureSuccessStatusCode();
        var reported = (await (await service.Client.GetAsync("/state")).JsonAsync())["state"]!.GetValue<string>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ExecutablePath, Headless = true, Args = ChromiumArguments });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1400 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(service.Client.BaseAddress!.ToString());
        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync(reported, Patiently);
        await Assertions.Expect(page.GetByTestId("suspicious")).ToContainTextAsync("UNION SELECT", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("model-version")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^sdca-"), Patiently);

        // Once the baseline is frozen, the next windows are charted against it.
        (await service.Client.PostLinesAsync(traffic.Healthy(300))).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByTestId("signals")).ToContainTextAsync("positive_rate", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#signals canvas").First).ToBeVisibleAsync();

        var admin = new HttpRequestMessage(HttpMethod.Post, "/admin/state") { Content = JsonContent.Create(new { state = "DEGRADED", reason = "browser test" }) };
        admin.Headers.Add("X-Api-Key", AdminKey);
        (await service.Client.SendAsync(admin)).EnsureSuccessStatusCode();

        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("DEGRADED", Patiently);
        await Assertions.Expect(page.GetByTestId("state-reason")).ToContainTextAsync("browser test", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("incidents")).ToContainTextAsync("browser test", new() { Timeout = 30_000 });
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        errors.Should().BeEmpty("the page must load and refresh without console errors");
    }
}
