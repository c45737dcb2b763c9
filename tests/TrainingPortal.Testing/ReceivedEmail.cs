namespace TrainingPortal.Testing;

/// <summary>A message as received by <see cref="MailDevServer"/>.</summary>
/// <param name="Id">The server's id for the message (used for its source and attachments).</param>
/// <param name="Subject">The decoded subject.</param>
/// <param name="From">The first From address (no display name).</param>
/// <param name="To">The To addresses (no display names).</param>
/// <param name="Cc">The Cc addresses.</param>
/// <param name="Text">The plain-text body, if any.</param>
/// <param name="Html">The HTML body, if any.</param>
/// <param name="Attachments">The attachments, in message order.</param>
/// <param name="ReceivedAt">When the server received it.</param>
/// <param name="Headers">Header values by lower-case name (repeated headers joined with a newline).</param>
public sealed record ReceivedEmail(
    string Id,
    string Subject,
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string? Text,
    string? Html,
    IReadOnlyList<ReceivedAttachment> Attachments,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The attachments' file names, as the sender gave them.</summary>
    public IReadOnlyList<string> AttachmentFileNames => Attachments.Select(a => a.FileName).ToList();

    /// <summary>True when <paramref name="address"/> is among the To or Cc addresses (case-insensitive).</summary>
    public bool IsAddressedTo(string address) =>
        To.Concat(Cc).Any(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"'{Subject}' from {From} to {string.Join(", ", To)}";
}

/// <summary>An attachment of a <see cref="ReceivedEmail"/>.</summary>
/// <param name="FileName">The file name the sender gave.</param>
/// <param name="GeneratedFileName">The server's name for it, used to download it.</param>
/// <param name="ContentType">The MIME type.</param>
/// <param name="Size">Size in bytes.</param>
public sealed record ReceivedAttachment(string FileName, string GeneratedFileName, string ContentType, long Size);
