namespace TrainingPortal.Testing;

/// <summary>
/// LibreOffice Calc without its window (Debian's <c>libreoffice-calc-nogui</c>, which build/test.sh installs): converts
/// files the way a person's spreadsheet program would save them, so tests read workbooks the portal did not write.
/// </summary>
public static class SpreadsheetProgram
{
    /// <summary>CSV as a UK user saves it: UTF-8, commas, double quotes, cells as they are shown (dates as dd/mm/yyyy).</summary>
    public const string CsvAsShown = "csv:Text - txt - csv (StarCalc):44,34,76,1,,2057,false,true,true";

    /// <summary>How a UK user opens a CSV file: UTF-8, commas, double quotes, recognising dates and numbers.</summary>
    public const string CsvIn = "CSV:44,34,76,1,,2057,false,true";

    /// <summary>
    /// Saves <paramref name="content"/> (named <paramref name="fileName"/>) as another format: "xlsx", or a LibreOffice
    /// filter with options such as <see cref="CsvAsShown"/>. <paramref name="inFilter"/> says how to open it (<see cref="CsvIn"/>).
    /// </summary>
    public static async Task<byte[]> ConvertAsync(string fileName, byte[] content, string toFormat, string? inFilter = null)
    {
        var program = ProcessRunner.FindOnPath("soffice") ?? ProcessRunner.FindOnPath("libreoffice")
            ?? throw new InvalidOperationException("LibreOffice is not installed (Debian package libreoffice-calc-nogui; build/test.sh installs it).");
        using var folder = new TempFolder("trainingportal-spreadsheet");
        var source = folder.Combine(fileName);
        await File.WriteAllBytesAsync(source, content);
        // A profile of its own, so that conversions running at the same time do not wait for each other's lock.
        List<string> arguments = [$"-env:UserInstallation=file://{folder.Combine("profile")}", "--headless", "--convert-to", toFormat, "--outdir", folder.Combine("out")];
        if (inFilter is not null)
        {
            arguments.Add($"--infilter={inFilter}");
        }
        arguments.Add(source);
        var result = await ProcessRunner.RunAsync(program, arguments, folder.Path, TimeSpan.FromMinutes(2));
        var converted = folder.Combine("out", Path.ChangeExtension(fileName, toFormat.Split(':')[0]));
        if (!File.Exists(converted))
        {
            throw new InvalidOperationException($"LibreOffice did not convert {fileName} to {toFormat} (exit code {result.ExitCode}).{Environment.NewLine}{result.Output}");
        }
        return await File.ReadAllBytesAsync(converted);
    }
}
