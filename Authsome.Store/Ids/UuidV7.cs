using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Authsome.Store;

/// <summary>
/// UUIDv7 that stay in creation order within one millisecond (RFC 9562 §6.2, method 3: the 74 bits after the
/// timestamp act as a counter seeded at random and stepped by a random amount). <see cref="Guid.CreateVersion7()"/>
/// fills those bits at random, so two entities made in the same millisecond - or at one frozen test clock - listed
/// "in id order" come back in either order.
/// </summary>
internal static class UuidV7
{
    // 74 bits of counter; the seed leaves the top bit clear so a millisecond has room for 2^73 of stepping.
    private static readonly UInt128 CounterLimit = UInt128.One << 74;
    private static readonly UInt128 SeedMask = (UInt128.One << 73) - 1;
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds = long.MinValue;
    private static UInt128 _lastCounter;

    public static Guid New(DateTimeOffset at)
    {
        var milliseconds = at.ToUnixTimeMilliseconds();
        UInt128 counter;
        lock (Gate)
        {
            counter = milliseconds == _lastMilliseconds ? _lastCounter + Step() : Random128() & SeedMask;
            if (counter >= CounterLimit)
            {
                // Unreachable in practice (2^73 steps of at most 2^32 in one millisecond); a fresh seed keeps the id valid.
                counter = Random128() & SeedMask;
            }

            _lastMilliseconds = milliseconds;
            _lastCounter = counter;
        }

        return Compose(milliseconds, counter);
    }

    private static UInt128 Step() => (UInt128)(RandomNumberGenerator.GetInt32(int.MaxValue) + 1L);

    private static UInt128 Random128()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static Guid Compose(long milliseconds, UInt128 counter)
    {
        var randA = (ulong)(counter >> 62) & 0xFFF;
        var randB = (ulong)counter & 0x3FFF_FFFF_FFFF_FFFF;
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, ((ulong)milliseconds << 16) | 0x7000 | randA);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], 0x8000_0000_0000_0000 | randB);
        return new Guid(bytes, bigEndian: true);
    }
}
