using System.Text.Json;

namespace Authsome.Store.Tests.Model;

public sealed class IdTests
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    [Fact]
    public void ToString_IsThePrefixAnUnderscoreAnd26LowerCaseBase32Characters()
    {
        var text = Id<User>.New().ToString();

        Assert.StartsWith("ausr_", text, StringComparison.Ordinal);
        Assert.Equal(5 + 26, text.Length);
        Assert.All(text[5..], c => Assert.Contains(c, Alphabet));
        Assert.InRange(text[5], '0', '7');
    }

    [Fact]
    public void Parse_RoundTripsTheFormattedId()
    {
        var id = Id<Session>.New();

        Assert.Equal(id, Id<Session>.Parse(id.ToString()));
        Assert.True(Id<Session>.TryParse(id.ToString(), out var parsed));
        Assert.Equal(id.Value, parsed.Value);
    }

    [Fact]
    public void Parse_RoundTripsTheExtremeValues()
    {
        var zero = new Id<App>(Guid.Empty);
        var max = new Id<App>(Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"));

        Assert.Equal("aapp_00000000000000000000000000", zero.ToString());
        Assert.Equal("aapp_7zzzzzzzzzzzzzzzzzzzzzzzzz", max.ToString());
        Assert.Equal(max, Id<App>.Parse(max.ToString()));
        Assert.True(zero.IsEmpty);
        Assert.True(default(Id<App>).IsEmpty);
        Assert.False(max.IsEmpty);
    }

    [Fact]
    public void Format_MatchesTheTypeIdSpecificationVector()
    {
        // From the TypeID specification's valid test vectors.
        var id = new Id<App>(Guid.Parse("01890a5d-ac96-774b-bcce-b302099a8057"));

        Assert.Equal("aapp_01h455vb4pex5vsknk084sn02q", id.ToString());
    }

    [Theory]
    [InlineData("aapp_01h455vb4pex5vsknk084sn02q")]
    [InlineData("ausr01h455vb4pex5vsknk084sn02q")]
    [InlineData("ausr_01h455vb4pex5vsknk084sn02")]
    [InlineData("ausr_01h455vb4pex5vsknk084sn02qq")]
    [InlineData("ausr_01H455VB4PEX5VSKNK084SN02Q")]
    [InlineData("ausr_81h455vb4pex5vsknk084sn02q")]
    [InlineData("ausr_01h455vb4pex5vsknk084sn02i")]
    [InlineData("ausr_01h455vb4pex5vsknk084sn02l")]
    [InlineData("ausr_01h455vb4pex5vsknk084sn02o")]
    [InlineData("ausr_01h455vb4pex5vsknk084sn02u")]
    [InlineData("ausr_01h455vb4pex5vsknk084sn0-q")]
    [InlineData("AUSR_01h455vb4pex5vsknk084sn02q")]
    [InlineData("")]
    [InlineData("ausr_")]
    public void Parse_RejectsAnythingButAnIdOfThisEntity(string text)
    {
        Assert.False(Id<User>.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Id<User>.Parse(text));
    }

    [Fact]
    public void Parse_RejectsNull_AndDoesNotEchoHugeInput()
    {
        Assert.False(Id<User>.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => Id<User>.Parse(null!));

        var exception = Assert.Throws<FormatException>(() => Id<User>.Parse(new string('x', 10_000)));
        Assert.True(exception.Message.Length < 200);
    }

    [Fact]
    public void StringOrder_IsCreationOrder_ForIdsMadeAtIncreasingTimes()
    {
        var start = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 200).Select(i => Id<User>.New(start.AddMilliseconds(i * 7))).ToList();

        Assert.Equal(ids.Select(id => id.ToString()), ids.Select(id => id.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(ids, ids.Order());
        Assert.True(ids[0] < ids[1]);
        Assert.True(ids[^1] > ids[0]);
    }

    [Fact]
    public void Order_IsCreationOrder_ForIdsMadeInOneMillisecond()
    {
        // A frozen test clock, or two requests served within one millisecond, must still list in creation order.
        var at = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 500).Select(_ => Id<User>.New(at)).ToList();

        Assert.Equal(ids, ids.Order());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Value.Version));
        Assert.All(ids, id => Assert.Equal(at.ToUnixTimeMilliseconds(), UnixMilliseconds(id.Value)));
    }

    private static long UnixMilliseconds(Guid uuid)
    {
        Span<byte> bytes = stackalloc byte[16];
        Assert.True(uuid.TryWriteBytes(bytes, bigEndian: true, out _));
        return (long)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16);
    }

    [Fact]
    public void Json_WritesTheStringForm_AndReadsItBack()
    {
        var id = Id<Organization>.New();

        var json = JsonSerializer.Serialize(new { Id = id });
        var back = JsonSerializer.Deserialize<Holder<Organization>>(json);

        Assert.Equal($"{{\"Id\":\"{id}\"}}", json);
        Assert.Equal(id, back!.Id);
    }

    [Theory]
    [InlineData("{\"Id\":\"ausr_01h455vb4pex5vsknk084sn02q\"}")]
    [InlineData("{\"Id\":\"not an id\"}")]
    [InlineData("{\"Id\":42}")]
    [InlineData("{\"Id\":null}")]
    public void Json_RejectsAnythingButAnIdOfThisEntity(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder<Organization>>(json));

    private sealed record Holder<T>(Id<T> Id)
        where T : IHasIdPrefix;
}
