using System.Text;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Services;

/// <summary>One record of a CSV file: its number (the first record is 1, as a spreadsheet numbers rows) and its fields.</summary>
public sealed record CsvRecord(int Number, IReadOnlyList<string> Fields)
{
    /// <summary>True for an empty line or a record whose fields are all blank.</summary>
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Comma-separated values as RFC 4180 describes them: fields in double quotes may hold commas, line breaks and
/// quotes (written twice); records end with CRLF, LF or CR. Spreadsheet programs are lenient, so this is too: a quote
/// inside an unquoted field is kept as it is, and text after a closing quote is kept. Only a quoted field that never
/// closes is an error, because everything after it would be misread.
/// </summary>
public static class CsvParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The file's text: UTF-8 or UTF-16 when it starts with a byte order mark, UTF-8 when it is valid UTF-8, otherwise
    /// Windows-1252 (what Excel's plain "CSV (Comma delimited)" writes on Windows in the UK).
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }

    /// <summary>Splits text into records and fields. A leading byte order mark is ignored; a line break at the very end does not start another record.</summary>
    public static OperationResult<IReadOnlyList<CsvRecord>> Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var inQuotes = false;
        var quoteStartedIn = 0;
        var fieldStarted = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
        }

        void EndRecord()
        {
            EndField();
            records.Add(new CsvRecord(records.Count + 1, fields.ToArray()));
            fields.Clear();
        }

        while (position < text.Length)
        {
            var c = text[position];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (position + 1 < text.Length && text[position + 1] == '"')
                    {
                        field.Append('"');
                        position += 2;
                        continue;
                    }
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
                position++;
                continue;
            }
            switch (c)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    quoteStartedIn = records.Count + 1;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r':
                    EndRecord();
                    if (position + 1 < text.Length && text[position + 1] == '\n')
                    {
                        position++;
                    }
                    break;
                case '\n':
                    EndRecord();
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
            position++;
        }
        if (inQuotes)
        {
            return OperationResult<IReadOnlyList<CsvRecord>>.Failed("", $"A value in quotes that starts on row {quoteStartedIn} has no closing quote");
        }
        // The last record, unless the text ended with its line break (or was empty).
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }
        return OperationResult<IReadOnlyList<CsvRecord>>.Ok(records);
    }

    /// <summary>One field written for a CSV file: quoted when it holds a comma, quote or line break (or starts with a space).</summary>
    public static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
