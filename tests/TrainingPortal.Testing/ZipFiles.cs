using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TrainingPortal.Testing;

/// <summary>Zip files (.xlsx and .docx are zips) made the way an attacker or a broken program would make them, for upload tests.</summary>
public static class ZipFiles
{
    public const long Megabyte = 1024 * 1024;

    /// <summary>A zip holding the given parts as UTF-8 text.</summary>
    public static byte[] Create(params (string Name, string Text)[] parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var part = zip.CreateEntry(name).Open();
                part.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return output.ToArray();
    }

    /// <summary>
    /// <paramref name="zip"/> with the part <paramref name="name"/> (replaced, or added) holding <paramref name="zeros"/>
    /// zero bytes, packed as small as deflate goes: 200 MB of zeros packs to about 200 KB.
    /// </summary>
    public static byte[] WithZeros(byte[] zip, string name, long zeros) => Rewrite(zip, name, archive =>
    {
        using var part = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        var block = new byte[Megabyte];
        for (var written = 0L; written < zeros; written += block.Length)
        {
            part.Write(block, 0, (int)Math.Min(block.Length, zeros - written));
        }
    });

    /// <summary><paramref name="zip"/> with the part <paramref name="name"/> (replaced, or added) holding <paramref name="text"/>.</summary>
    public static byte[] WithPart(byte[] zip, string name, string text) => Rewrite(zip, name, archive =>
    {
        using var part = archive.CreateEntry(name).Open();
        part.Write(Encoding.UTF8.GetBytes(text));
    });

    /// <summary><paramref name="zip"/> with <paramref name="count"/> more small parts.</summary>
    public static byte[] WithParts(byte[] zip, int count) => Rewrite(zip, null, archive =>
    {
        for (var i = 0; i < count; i++)
        {
            using var part = archive.CreateEntry($"extra/part{i}.xml").Open();
            part.Write("<x/>"u8);
        }
    });

    /// <summary>
    /// <paramref name="zip"/> with its central directory (what <see cref="ZipArchive"/> reads) claiming that every part
    /// unzips to <paramref name="claimed"/> bytes. The parts and their own headers are left telling the truth.
    /// </summary>
    public static byte[] UnderstatingSizes(byte[] zip, uint claimed)
    {
        var bytes = (byte[])zip.Clone();
        var end = bytes.Length - 22;
        while (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end)) != 0x06054b50)
        {
            end--;
        }
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 10));
        var header = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(header + 24), claimed);
            header += 46 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(header + 28))
                + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(header + 30)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(header + 32));
        }
        return bytes;
    }

    /// <summary>A copy of <paramref name="zip"/> without the part <paramref name="leaveOut"/>, then whatever <paramref name="add"/> writes.</summary>
    private static byte[] Rewrite(byte[] zip, string? leaveOut, Action<ZipArchive> add)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var copy = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => e.FullName != leaveOut))
            {
                using var from = entry.Open();
                using var to = copy.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
            add(copy);
        }
        return output.ToArray();
    }
}
