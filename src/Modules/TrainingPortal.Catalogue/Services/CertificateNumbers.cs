using System.Security.Cryptography;

namespace TrainingPortal.Catalogue.Services;

/// <summary>
/// Certificate numbers: 16 random characters from an alphabet without look-alikes (about 78 bits), grouped for reading
/// aloud ("7KQM-2XRD-H9TB-4WNC"). Guessing one that exists is not practical.
/// </summary>
public static class CertificateNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[19];
        var position = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                chars[position++] = '-';
            }
            chars[position++] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }

    /// <summary>Accepts what a person types: any case, spaces or no hyphens.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null)
        {
            return null;
        }
        var letters = new string(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (letters.Length != 16 || letters.Any(c => !Alphabet.Contains(c)))
        {
            return null;
        }
        return string.Join('-', Enumerable.Range(0, 4).Select(i => letters.Substring(i * 4, 4)));
    }
}
