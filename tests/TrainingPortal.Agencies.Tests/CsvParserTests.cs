using System.Text;
using TrainingPortal.Agencies.Services;

namespace TrainingPortal.Agencies.Tests;

public sealed class CsvParserTests
{
    private static List<string[]> Fields(string text)
    {
        var parsed = CsvParser.Parse(text);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return parsed.Value!.Select(r => r.Fields.ToArray()).ToList();
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_line_breaks()
    {
        var records = Fields("name,notes\r\n\"Shah, Priya\",\"Said \"\"hello\"\"\r\nthen left\"\r\n");

        Assert.Equal([["name", "notes"], ["Shah, Priya", "Said \"hello\"\r\nthen left"]], records);
    }

    [Fact]
    public void A_record_spanning_lines_is_numbered_as_one_spreadsheet_row()
    {
        var parsed = CsvParser.Parse("a,b\n\"one\ntwo\",x\nlast,y\n").Value!;

        Assert.Equal([1, 2, 3], parsed.Select(r => r.Number));
        Assert.Equal(["last", "y"], parsed[2].Fields);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored_and_CRLF_LF_and_CR_all_end_a_record()
    {
        Assert.Equal([["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]], Fields("\uFEFFa,b\r\nc,d\ne,f\rg,h"));
    }

    [Fact]
    public void A_trailing_line_break_adds_no_record_but_empty_fields_and_blank_lines_are_kept()
    {
        var records = Fields("a,,c,\n\n\"\",x\n");

        Assert.Equal([["a", "", "c", ""], [""], ["", "x"]], records);
        Assert.True(CsvParser.Parse("a,,c,\n\n").Value![1].IsBlank);
    }

    [Fact]
    public void Quotes_inside_an_unquoted_field_and_text_after_a_closing_quote_are_kept_as_written()
    {
        Assert.Equal([["5\" nails", "quoted then more"]], Fields("5\" nails,\"quoted\" then more"));
    }

    [Fact]
    public void A_quoted_value_that_never_closes_is_reported_with_the_row_it_starts_on()
    {
        var parsed = CsvParser.Parse("a,b\nc,d\n\"never closed,e\nf,g\n");

        Assert.False(parsed.Succeeded);
        Assert.Equal("A value in quotes that starts on row 3 has no closing quote", Assert.Single(parsed.Errors).Message);
    }

    [Fact]
    public void Empty_text_has_no_records()
    {
        Assert.Empty(Fields(""));
        Assert.Empty(Fields("\uFEFF"));
    }

    [Fact]
    public void Utf8_with_or_without_a_byte_order_mark_and_Windows_1252_from_Excel_all_decode()
    {
        var utf8 = Encoding.UTF8.GetBytes("Zoë,Renée");
        var windows1252 = new byte[] { 0x5A, 0x6F, 0xEB, 0x2C, 0x52, 0x65, 0x6E, 0xE9, 0x65 };

        Assert.Equal("Zoë,Renée", CsvParser.Decode(utf8));
        Assert.Equal("Zoë,Renée", CsvParser.Decode([0xEF, 0xBB, 0xBF, .. utf8]));
        Assert.Equal("Zoë,Renée", CsvParser.Decode(windows1252));
        Assert.Equal("Zoë,Renée", CsvParser.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Zoë,Renée")]));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with, comma")]
    [InlineData("with \"quotes\"")]
    [InlineData("two\r\nlines")]
    [InlineData(" leading space")]
    public void A_quoted_value_reads_back_as_it_was_written(string value)
    {
        Assert.Equal([[value, "next"]], Fields(CsvParser.Quote(value) + ",next\r\n"));
    }
}
