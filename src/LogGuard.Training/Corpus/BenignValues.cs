using System.Globalization;

namespace LogGuard.Training.Corpus;

/// <summary>
/// What people and programs really put in query strings and forms: searches in several languages, names,
/// addresses, contact details, dates, amounts, identifiers, tokens, URLs, file names and structured filters.
/// Some searches mention words an attack also uses ("drop shipping", "union station"): a word alone is not an attack.
/// </summary>
public static class BenignValues
{
    private static readonly string[] CommonWords =
    [
        // English
        "cheap", "flights", "weather", "tomorrow", "recipe", "chicken", "best", "price", "near", "me", "how", "to", "fix",
        "size", "guide", "black", "friday", "deals", "used", "cars", "hotel", "rooms", "free", "shipping", "gift", "ideas",
        "running", "shoes", "womens", "mens", "kids", "wireless", "headphones", "phone", "case", "battery", "charger",
        // Spanish, French, German, Portuguese, Italian: as users type them, accents included
        "zapatos", "baratos", "camisa", "niños", "montaña", "año", "ciudad", "envío", "gratis", "ofertas", "cocina",
        "chaussures", "été", "hôtel", "réservation", "électricité", "château", "voiture", "pas", "cher", "livraison",
        "schuhe", "größe", "straße", "günstig", "fahrrad", "küche", "wohnung", "mieten", "angebote", "versand",
        "sapatos", "promoção", "cartão", "crédito", "coração", "avó", "pão", "viagem", "praia", "barato",
        "scarpe", "città", "perché", "offerte", "spedizione", "gratuita", "cucina", "bicicletta", "saldi",
    ];

    // Ordinary searches and titles that contain a word an injection also uses.
    private static readonly string[] AlarmingButOrdinary =
    [
        "drop shipping suppliers", "select committee report", "union station parking", "java script tutorial",
        "delete account", "insert coin arcade", "update firmware router", "where to buy", "order by phone",
        "script writing course", "alert bracelet medical", "exec summary template", "shell beach resort", "cat food",
        "echo dot speaker", "ping pong table", "admin assistant jobs", "root vegetables soup", "table lamp", "null hypothesis",
        "and then there were none", "char siu pork", "sleep apnea", "kill bill", "the sql book", "wait for it",
        "error 404 meaning", "password manager review",
    ];

    private static readonly string[] FirstNames =
    [
        "maría", "josé", "lucía", "jürgen", "françois", "zoë", "siobhán", "ana", "mohammed", "wei", "yuki", "priya",
        "olga", "chidi", "mateo", "ingrid", "aarav", "fatima", "liam", "chloé", "sven", "nuno", "giulia", "kwame",
    ];

    private static readonly string[] LastNames =
    [
        "garcía", "müller", "o'neill", "dupont", "núñez", "smith", "van der berg", "rossi", "nakamura", "kowalski",
        "silva", "ivanova", "okafor", "chen", "de la cruz", "schäfer", "patel", "andersson", "martín-lópez", "nguyen",
    ];

    private static readonly string[] StreetWords = ["calle", "avenida", "rue", "straße", "via", "street", "road", "plaza", "camino", "rua", "lane", "boulevard"];

    /// <summary>A value of a randomly chosen kind, as the user or program wrote it (not yet encoded).</summary>
    public static string Any(SyntheticRandom random, IReadOnlyList<string> siteWords) => random.Next(20) switch
    {
        // Rare on purpose: in real traffic such searches are a small minority, and more of them would teach the
        // model that the words themselves (cat, select, ping) are benign wherever they appear.
        15 when random.Chance(0.1) => random.Pick(AlarmingButOrdinary),
        15 => Search(random, siteWords),
        0 => Search(random, siteWords),
        1 => Search(random, siteWords),
        2 => FullName(random),
        3 => Email(random),
        4 => Phone(random),
        5 => Address(random),
        6 => Date(random),
        7 => Amount(random),
        8 => Number(random),
        9 => random.Chance(0.5) ? Uuid(random) : random.Hex(random.Pick(new[] { 8, 16, 24, 40 })),
        10 => Token(random),
        11 => Url(random, siteWords),
        12 => FileName(random, siteWords),
        13 => Filter(random, siteWords),
        14 => random.Pick(new[] { "true", "false", "1", "0", "yes", "no", "on", "off", "asc", "desc", "all", "none", "en-US", "es_ES", "fr", "de-DE", "pt-BR", "EUR", "USD", "GBP", "JPY" }),
        16 => $"{random.Pick(siteWords)}-{random.Between(1, 99999)}",
        17 => Version(random),
        18 => random.Pick(siteWords),
        _ => Coordinates(random),
    };

    public static string Search(SyntheticRandom random, IReadOnlyList<string> siteWords)
    {
        var words = Enumerable.Range(0, random.Between(1, 5))
            .Select(_ => random.Chance(0.5) ? random.Pick(CommonWords) : random.Pick(siteWords));
        var text = string.Join(' ', words);
        return random.Next(8) switch
        {
            0 => $"\"{text}\"",
            1 => text + "?",
            2 => char.ToUpperInvariant(text[0]) + text[1..],
            3 => $"{text} & {random.Pick(CommonWords)}",
            4 => $"{text} ({random.Between(2015, 2026)})",
            _ => text,
        };
    }

    public static string FullName(SyntheticRandom random) => $"{FirstName(random)} {Surname(random)}";

    public static string FirstName(SyntheticRandom random) => Capitalise(random.Pick(FirstNames));

    public static string Surname(SyntheticRandom random) => Capitalise(random.Pick(LastNames));

    public static string Email(SyntheticRandom random) =>
        $"{random.Pick(FirstNames)}{random.Pick(new[] { ".", "_", "", "+" })}{random.Pick(LastNames).Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal)}{(random.Chance(0.3) ? random.Between(1, 99).ToString(CultureInfo.InvariantCulture) : "")}@{PseudoWords.Next(random, 2, 3)}.{random.Pick(new[] { "com", "es", "de", "fr", "co.uk", "org", "net", "io" })}";

    public static string Phone(SyntheticRandom random) => random.Next(3) switch
    {
        0 => $"+{random.Between(1, 99)} {random.Between(100, 999)} {random.Between(100, 999)} {random.Between(100, 9999)}",
        1 => $"({random.Between(200, 999)}) {random.Between(200, 999)}-{random.Between(1000, 9999)}",
        _ => random.Between(600000000, 999999999).ToString(CultureInfo.InvariantCulture),
    };

    public static string Address(SyntheticRandom random) =>
        $"{Capitalise(random.Pick(StreetWords))} {Capitalise(random.Pick(LastNames))}, {random.Between(1, 300)}{(random.Chance(0.3) ? $", {random.Between(1, 9)}º {random.Pick(new[] { "A", "B", "izq", "dcha" })}" : "")}";

    public static string Date(SyntheticRandom random)
    {
        var day = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(2900)).AddMinutes(random.Next(1440));
        return random.Next(5) switch
        {
            0 => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            1 => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            2 => day.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            3 => new DateTimeOffset(day).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            _ => day.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
        };
    }

    public static string Amount(SyntheticRandom random) => random.Next(3) switch
    {
        0 => (random.Between(1, 99999) / 100.0).ToString("0.00", CultureInfo.InvariantCulture),
        1 => (random.Between(1, 99999) / 100.0).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',') + " €",
        _ => $"{random.Between(1, 500)}-{random.Between(501, 5000)}",
    };

    public static string Number(SyntheticRandom random) => random.Next(4) switch
    {
        0 => random.Between(0, 100).ToString(CultureInfo.InvariantCulture),
        1 => random.Between(1000, 2_000_000_000).ToString(CultureInfo.InvariantCulture),
        2 => (-random.Between(1, 500)).ToString(CultureInfo.InvariantCulture),
        _ => string.Join(',', Enumerable.Range(0, random.Between(2, 6)).Select(_ => random.Between(1, 9999).ToString(CultureInfo.InvariantCulture))),
    };

    public static string Uuid(SyntheticRandom random) => $"{random.Hex(8)}-{random.Hex(4)}-4{random.Hex(3)}-a{random.Hex(3)}-{random.Hex(12)}";

    public static string Token(SyntheticRandom random)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var length = random.Pick(new[] { 16, 22, 27, 32, 43 });
        return new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }

    public static string Url(SyntheticRandom random, IReadOnlyList<string> siteWords) => random.Next(4) switch
    {
        0 => $"https://{PseudoWords.Next(random, 2, 3)}.{random.Pick(new[] { "com", "org", "net", "es", "io" })}/{random.Pick(siteWords)}/{random.Pick(siteWords)}",
        1 => $"/{random.Pick(siteWords)}/{random.Pick(siteWords)}?{random.Pick(siteWords)}={random.Between(1, 999)}",
        2 => $"https://www.{PseudoWords.Next(random, 2, 3)}.com/",
        _ => $"/{random.Pick(siteWords)}",
    };

    public static string FileName(SyntheticRandom random, IReadOnlyList<string> siteWords) =>
        $"{random.Pick(siteWords)}{random.Pick(new[] { "_", "-", " " })}{random.Between(1, 2026)}.{random.Pick(new[] { "pdf", "jpg", "png", "docx", "xlsx", "csv", "zip", "mp4", "txt" })}";

    public static string Filter(SyntheticRandom random, IReadOnlyList<string> siteWords) => random.Next(5) switch
    {
        0 => $"{random.Pick(siteWords)}:{random.Pick(siteWords)} {random.Pick(new[] { "status:open", "is:unread", "author:me", "label:work", "-is:archived" })}",
        1 => $"{random.Pick(siteWords)},{random.Pick(siteWords)},{random.Pick(siteWords)}",
        2 => $"{{\"{random.Pick(siteWords)}\":{random.Between(1, 99)},\"{random.Pick(siteWords)}\":\"{random.Pick(siteWords)}\"}}",
        3 => $"{random.Pick(new[] { "-", "" })}{random.Pick(siteWords)}_at",
        _ => $"{random.Pick(siteWords)} {random.Pick(new[] { ">=", "<", "=" })} {random.Between(1, 500)}",
    };

    public static string Version(SyntheticRandom random) => $"{random.Between(0, 20)}.{random.Between(0, 40)}.{random.Between(0, 99)}";

    public static string Coordinates(SyntheticRandom random) =>
        string.Create(CultureInfo.InvariantCulture, $"{(random.NextDouble() * 180) - 90:0.0000},{(random.NextDouble() * 360) - 180:0.0000}");

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
