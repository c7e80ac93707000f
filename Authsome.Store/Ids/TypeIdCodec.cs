namespace Authsome.Store;

/// <summary>
/// The suffix of a TypeID: a 128-bit UUID written as 26 lower-case Crockford base32 characters.
/// The first character carries only the top two bits, so it is never above '7'. Because the alphabet
/// is in ASCII order, ids compare as strings in the same order as the UUIDv7 values they encode.
/// </summary>
internal static class TypeIdCodec
{
    public const int SuffixLength = 26;
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string Format(string prefix, Guid value)
    {
        var number = ToUInt128(value);
        return string.Create(prefix.Length + 1 + SuffixLength, (prefix, number), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            span[state.prefix.Length] = '_';
            var suffix = span[(state.prefix.Length + 1)..];
            var n = state.number;
            for (var i = SuffixLength - 1; i >= 0; i--)
            {
                suffix[i] = Alphabet[(int)(n & 31)];
                n >>= 5;
            }
        });
    }

    public static bool TryParse(ReadOnlySpan<char> text, string prefix, out Guid value)
    {
        value = default;
        if (text.Length != prefix.Length + 1 + SuffixLength
            || !text.StartsWith(prefix, StringComparison.Ordinal)
            || text[prefix.Length] != '_')
        {
            return false;
        }

        var suffix = text[(prefix.Length + 1)..];
        if (suffix[0] > '7')
        {
            return false;
        }

        UInt128 n = 0;
        foreach (var c in suffix)
        {
            var digit = Decode(c);
            if (digit < 0)
            {
                return false;
            }

            n = (n << 5) | (uint)digit;
        }

        value = FromUInt128(n);
        return true;
    }

    private static int Decode(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'h' => c - 'a' + 10,
        'j' or 'k' => c - 'j' + 18,
        'm' or 'n' => c - 'm' + 20,
        >= 'p' and <= 't' => c - 'p' + 22,
        >= 'v' and <= 'z' => c - 'v' + 27,
        _ => -1,
    };

    private static UInt128 ToUInt128(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    private static Guid FromUInt128(UInt128 n)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)(n >> 64));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (ulong)n);
        return new Guid(bytes, bigEndian: true);
    }
}
