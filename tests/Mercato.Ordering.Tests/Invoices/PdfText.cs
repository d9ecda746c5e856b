using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Mercato.Ordering.Tests.Invoices;

/// <summary>
/// Reads a PDF back with PDFsharp's <see cref="PdfReader"/> and extracts each page's text the way
/// a viewer's search does: every string a text operator shows (Tj, TJ, ', "), decoded through its
/// font's ToUnicode map (two-byte codes for Identity-H fonts), one string per line.
/// </summary>
internal static partial class PdfText
{
    /// <summary>Each page's text, in page order; throws if the bytes are not a PDF PDFsharp can open.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        return [.. document.Pages.Cast<PdfPage>().Select(PageText)];
    }

    /// <summary>The base font names each page uses, with whether the font's program is embedded in the file.</summary>
    public static IReadOnlyList<(string BaseFont, bool Embedded)> Fonts(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var fonts = new List<(string, bool)>();
        foreach (var page in document.Pages.Cast<PdfPage>())
        {
            var resources = page.Resources.Elements.GetDictionary("/Font");
            foreach (var name in resources?.Elements.Keys ?? [])
            {
                var font = resources!.Elements.GetDictionary(name)!;
                // A Type0 (Identity-H) font keeps its descriptor in its one descendant CID font.
                var descendant = font.Elements.GetArray("/DescendantFonts")?.Elements.GetDictionary(0) ?? font;
                var descriptor = descendant.Elements.GetDictionary("/FontDescriptor");
                var embedded = descriptor is not null && (descriptor.Elements.ContainsKey("/FontFile2") || descriptor.Elements.ContainsKey("/FontFile3"));
                fonts.Add((font.Elements.GetName("/BaseFont"), embedded));
            }
        }

        return fonts;
    }

    private static string PageText(PdfPage page)
    {
        var fonts = new Dictionary<string, (Dictionary<int, string> Map, int CodeBytes)>(StringComparer.Ordinal);
        var fontResources = page.Resources.Elements.GetDictionary("/Font");
        foreach (var name in fontResources?.Elements.Keys ?? [])
        {
            var toUnicode = fontResources!.Elements.GetDictionary(name)?.Elements.GetDictionary("/ToUnicode");
            fonts[name] = toUnicode is null ? ([], 1) : ParseCMap(Encoding.ASCII.GetString(toUnicode.Stream.UnfilteredValue));
        }

        var text = new StringBuilder();
        for (var i = 0; i < page.Contents.Elements.Count; i++)
        {
            var content = page.Contents.Elements.GetDictionary(i)!.Stream.UnfilteredValue;
            ShowText(Encoding.Latin1.GetString(content), fonts, text);
        }

        return text.ToString();
    }

    private static void ShowText(string content, Dictionary<string, (Dictionary<int, string> Map, int CodeBytes)> fonts, StringBuilder text)
    {
        (Dictionary<int, string> Map, int CodeBytes) font = ([], 1);
        var operands = new List<Token>();
        foreach (var token in Tokens(content))
        {
            if (token.Kind != TokenKind.Operator)
            {
                operands.Add(token);
                continue;
            }

            switch (token.Value)
            {
                case "Tf" when operands.Count >= 2:
                    font = fonts.TryGetValue(operands[^2].Value, out var selected) ? selected : ([], 1);
                    break;
                case "Tj" or "'" or "\"" or "TJ":
                    foreach (var shown in operands.Where(o => o.Kind is TokenKind.HexString or TokenKind.LiteralString))
                    {
                        text.Append(Decode(shown, font));
                    }

                    text.Append('\n');
                    break;
            }

            operands.Clear();
        }
    }

    private static string Decode(Token shown, (Dictionary<int, string> Map, int CodeBytes) font)
    {
        var bytes = shown.Kind == TokenKind.HexString
            ? Convert.FromHexString(shown.Value.Length % 2 == 0 ? shown.Value : shown.Value + "0")
            : Encoding.Latin1.GetBytes(shown.Value);
        var twoByte = font.CodeBytes == 2;
        var result = new StringBuilder();
        for (var i = 0; i < bytes.Length; i += twoByte ? 2 : 1)
        {
            var code = twoByte && i + 1 < bytes.Length ? (bytes[i] << 8) | bytes[i + 1] : bytes[i];
            result.Append(font.Map.TryGetValue(code, out var unicode) ? unicode : ((char)code).ToString());
        }

        return result.ToString();
    }

    private static (Dictionary<int, string> Map, int CodeBytes) ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in BfChar().Matches(cmap))
        {
            foreach (Match pair in HexPair().Matches(block.Groups[1].Value))
            {
                map[Code(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
            }
        }

        foreach (Match block in BfRange().Matches(cmap))
        {
            foreach (Match range in RangeEntry().Matches(block.Groups[1].Value))
            {
                int low = Code(range.Groups[1].Value), high = Code(range.Groups[2].Value);
                if (range.Groups[3].Success)
                {
                    var first = Utf16(range.Groups[3].Value);
                    for (var code = low; code <= high; code++)
                    {
                        map[code] = first[..^1] + (char)(first[^1] + (code - low));
                    }
                }
                else
                {
                    var targets = Hex().Matches(range.Groups[4].Value);
                    for (var code = low; code <= high && code - low < targets.Count; code++)
                    {
                        map[code] = Utf16(targets[code - low].Groups[1].Value);
                    }
                }
            }
        }

        return (map, TwoByteCodes().IsMatch(cmap) ? 2 : 1);
    }

    private static int Code(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    private static IEnumerable<Token> Tokens(string content)
    {
        var i = 0;
        while (i < content.Length)
        {
            var c = content[i];
            if (char.IsWhiteSpace(c) || c is '[' or ']')
            {
                i++;
            }
            else if (c == '%')
            {
                while (i < content.Length && content[i] is not ('\n' or '\r'))
                {
                    i++;
                }
            }
            else if (c == '<' && i + 1 < content.Length && content[i + 1] == '<')
            {
                i += 2;
                yield return new Token(TokenKind.Other, "<<");
            }
            else if (c == '>' && i + 1 < content.Length && content[i + 1] == '>')
            {
                i += 2;
                yield return new Token(TokenKind.Other, ">>");
            }
            else if (c == '<')
            {
                var end = content.IndexOf('>', i);
                yield return new Token(TokenKind.HexString, new string([.. content[(i + 1)..end].Where(char.IsAsciiHexDigit)]));
                i = end + 1;
            }
            else if (c == '(')
            {
                var (value, next) = LiteralString(content, i);
                yield return new Token(TokenKind.LiteralString, value);
                i = next;
            }
            else
            {
                var start = i;
                i++;
                while (i < content.Length && !char.IsWhiteSpace(content[i]) && content[i] is not ('(' or '<' or '[' or ']' or '/' or '%'))
                {
                    i++;
                }

                var word = content[start..i];
                var isOperand = word[0] == '/' || char.IsAsciiDigit(word[0]) || word[0] is '-' or '+' or '.' || word is "true" or "false" or "null";
                yield return new Token(isOperand ? TokenKind.Other : TokenKind.Operator, word);
            }
        }
    }

    private static (string Value, int Next) LiteralString(string content, int start)
    {
        var value = new StringBuilder();
        var depth = 0;
        var i = start + 1;
        for (; i < content.Length; i++)
        {
            var c = content[i];
            if (c == '\\' && i + 1 < content.Length)
            {
                var escaped = content[++i];
                if (escaped is >= '0' and <= '7')
                {
                    var digits = new string([.. content.Skip(i).Take(3).TakeWhile(d => d is >= '0' and <= '7')]);
                    value.Append((char)Convert.ToInt32(digits, 8));
                    i += digits.Length - 1;
                }
                else
                {
                    value.Append(escaped switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => escaped });
                }
            }
            else if (c == '(')
            {
                depth++;
                value.Append(c);
            }
            else if (c == ')' && depth-- == 0)
            {
                break;
            }
            else
            {
                value.Append(c);
            }
        }

        return (value.ToString(), i + 1);
    }

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexPair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])")]
    private static partial Regex RangeEntry();

    [GeneratedRegex(@"begincodespacerange\s*<[0-9A-Fa-f]{4}>")]
    private static partial Regex TwoByteCodes();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>")]
    private static partial Regex Hex();

    private enum TokenKind
    {
        Operator,
        HexString,
        LiteralString,
        Other,
    }

    private readonly record struct Token(TokenKind Kind, string Value);
}
