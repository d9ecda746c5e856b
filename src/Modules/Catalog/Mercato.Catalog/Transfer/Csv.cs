using System.Text;

namespace Mercato.Catalog.Transfer;

/// <summary>
/// RFC 4180 CSV as spreadsheets write it: comma-separated, cells quoted with <c>"</c> when they hold a
/// comma, a quote or a line break (a quote inside doubled), lines ended by CRLF or LF. Cells a
/// spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or
/// carriage return) are written with a leading apostrophe, which reading takes off again.
/// </summary>
internal static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Writes one record, ended by CRLF.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Escape)) + "\r\n";

    /// <summary>The records of <paramref name="text"/> (a leading byte-order mark is skipped; blank lines are left out).</summary>
    /// <exception cref="FormatException">A quoted cell is not closed.</exception>
    public static IEnumerable<CsvRecord> Read(string text)
    {
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        while (position < text.Length)
        {
            var start = line;
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            var wasQuoted = false;
            var ended = false;
            while (position < text.Length && !ended)
            {
                var c = text[position++];
                if (quoted)
                {
                    if (c == '"' && position < text.Length && text[position] == '"')
                    {
                        cell.Append('"');
                        position++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += c == '\n' ? 1 : 0;
                        cell.Append(c);
                    }
                }
                else if (c == '"' && cell.Length == 0 && !wasQuoted)
                {
                    quoted = wasQuoted = true;
                }
                else if (c == ',')
                {
                    cells.Add(Unescape(cell.ToString(), wasQuoted));
                    cell.Clear();
                    wasQuoted = false;
                }
                else if (c is '\n' or '\r')
                {
                    if (c == '\r' && position < text.Length && text[position] == '\n')
                    {
                        position++;
                    }

                    line++;
                    ended = true;
                }
                else
                {
                    cell.Append(c);
                }
            }

            if (quoted)
            {
                throw new FormatException($"The quoted cell starting on line {start} is not closed");
            }

            cells.Add(Unescape(cell.ToString(), wasQuoted));
            if (cells.Count > 1 || cells[0].Length > 0)
            {
                yield return new CsvRecord(start, cells);
            }
        }
    }

    private static string Escape(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && FormulaStarts.Contains(value[0]) && !IsNumber(value))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Unescape(string value, bool quoted)
    {
        var cell = quoted ? value : value.Trim();
        return cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;
    }

    private static bool IsNumber(string value) =>
        decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _);
}
