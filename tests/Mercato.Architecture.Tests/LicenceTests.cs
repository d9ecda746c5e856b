using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.Testing;

namespace Mercato.Architecture.Tests;

/// <summary>
/// Mercato is MIT and ships only permissively licensed dependencies. These tests read the
/// server's resolved package graph (every direct and transitive package that NuGet restored for
/// <c>Mercato.Server</c>) and the licence each package declares in its own nuspec.
/// </summary>
public sealed partial class LicenceTests
{
    private static readonly HashSet<string> Permissive = new(StringComparer.OrdinalIgnoreCase)
    {
        "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "PostgreSQL", "ISC", "MS-PL",
    };

    /// <summary>
    /// Packages that name their licence only by URL (the deprecated nuspec <c>licenseUrl</c>), each
    /// reviewed by reading the page: the exact URL and the licence found there. Another URL, or
    /// another package with only a URL, is refused.
    /// </summary>
    private static readonly Dictionary<string, (string Url, string Licence)> ReviewedLicenceUrls = new(StringComparer.OrdinalIgnoreCase)
    {
        // twilio-csharp's LICENSE: "MIT License, Copyright (C) 2023, Twilio, Inc." (Notifications' SMS provider).
        ["Twilio"] = ("https://github.com/twilio/twilio-csharp/blob/HEAD/LICENSE", "MIT"),
    };

    [Fact]
    public void The_repository_carries_the_MIT_licence()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "LICENSE"));

        Assert.StartsWith("MIT License", text, StringComparison.Ordinal);
        Assert.Contains("Permission is hereby granted, free of charge", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_package_the_server_ships_has_a_permissive_licence()
    {
        var packages = ServerPackages();
        Assert.NotEmpty(packages);

        var refused = packages
            .Where(p => !IsPermissive(p.Licence))
            .Select(p => $"{p.Id} {p.Version}: {p.Licence ?? "no licence expression"}")
            .ToList();

        Assert.Empty(refused);
    }

    [Fact]
    public void PDFsharp_stays_on_the_MIT_licensed_6_2_line()
    {
        var pdf = Assert.Single(ServerPackages(), p => p.Id.Equals("PDFsharp", StringComparison.OrdinalIgnoreCase));

        Assert.StartsWith("6.2.", pdf.Version, StringComparison.Ordinal);
        Assert.Equal("MIT", pdf.Licence);
    }

    [Fact]
    public void Stripe_net_ships_its_Apache_2_0_licence_as_a_file_and_it_is_read()
    {
        var stripe = Assert.Single(ServerPackages(), p => p.Id.Equals("Stripe.net", StringComparison.OrdinalIgnoreCase));

        Assert.Equal("Apache-2.0", stripe.Licence);
    }

    [Fact]
    public void Twilio_names_its_MIT_licence_by_the_reviewed_url()
    {
        var twilio = Assert.Single(ServerPackages(), p => p.Id.Equals("Twilio", StringComparison.OrdinalIgnoreCase));

        Assert.Equal("MIT", twilio.Licence);
    }

    /// <summary>An SPDX expression is acceptable when every alternative it needs is permissive (an OR needs one).</summary>
    private static bool IsPermissive(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        return expression.Split(" OR ", StringSplitOptions.TrimEntries)
            .Any(alternative => alternative.Trim('(', ')').Split(" AND ", StringSplitOptions.TrimEntries)
                .All(Permissive.Contains));
    }

    private static List<(string Id, string Version, string? Licence)> ServerPackages()
    {
        var assetsPath = Path.Combine(RepoPaths.Root, "src", "Mercato.Server", "obj", "project.assets.json");
        using var assets = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var root = assets.RootElement;
        var packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;

        var result = new List<(string, string, string?)>();
        foreach (var library in root.GetProperty("libraries").EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package")
            {
                continue;
            }

            var nuspec = library.Value.GetProperty("files").EnumerateArray()
                .Select(f => f.GetString()!)
                .Single(f => f.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
            var folder = Path.Combine(packageFolder, library.Value.GetProperty("path").GetString()!);
            var text = File.ReadAllText(Path.Combine(folder, nuspec));
            var match = LicenceExpression().Match(text);
            var file = LicenceFile().Match(text);
            var nameAndVersion = library.Name.Split('/');
            var url = LicenceUrl().Match(text);
            var licence = match.Success ? match.Groups[1].Value.Trim()
                : file.Success ? LicenceOfFile(Path.Combine(folder, file.Groups[1].Value.Trim()))
                : url.Success && ReviewedLicenceUrls.TryGetValue(nameAndVersion[0], out var reviewed) && reviewed.Url == url.Groups[1].Value.Trim() ? reviewed.Licence
                : null;
            result.Add((nameAndVersion[0], nameAndVersion[1], licence));
        }

        return result;
    }

    /// <summary>
    /// The SPDX id of a licence a package ships as a file (Stripe.net does), recognised by the
    /// licence's own opening words; null for any other text, which the check then refuses.
    /// </summary>
    private static string? LicenceOfFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var words = string.Join(' ', File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8));
        return words.StartsWith("Apache License Version 2.0, January 2004", StringComparison.Ordinal) ? "Apache-2.0"
            : words.StartsWith("MIT License", StringComparison.Ordinal) || words.StartsWith("The MIT License", StringComparison.Ordinal) ? "MIT"
            : null;
    }

    [GeneratedRegex("<license type=\"expression\">([^<]*)</license>")]
    private static partial Regex LicenceExpression();

    [GeneratedRegex("<license type=\"file\">([^<]*)</license>")]
    private static partial Regex LicenceFile();

    [GeneratedRegex("<licenseUrl>([^<]*)</licenseUrl>")]
    private static partial Regex LicenceUrl();
}
