namespace Authsome.Store.Tests.Model;

public sealed class StoreTimeTests
{
    [Fact]
    public void Normalize_TruncatesToWholeMilliseconds_InUtc()
    {
        var local = new DateTimeOffset(2030, 6, 15, 8, 30, 15, 123, TimeSpan.FromHours(5.5)).AddTicks(9999);

        var normalized = StoreTime.Normalize(local);

        Assert.Equal(new DateTimeOffset(2030, 6, 15, 3, 0, 15, 123, TimeSpan.Zero), normalized);
        Assert.Equal(TimeSpan.Zero, normalized.Offset);
        Assert.Equal(0, normalized.Ticks % TimeSpan.TicksPerMillisecond);
    }

    [Fact]
    public void Normalize_TruncatesRatherThanRounds_AndIsIdempotent()
    {
        var value = new DateTimeOffset(2030, 1, 1, 0, 0, 0, 999, TimeSpan.Zero).AddTicks(TimeSpan.TicksPerMillisecond - 1);

        Assert.Equal(999, StoreTime.Normalize(value).Millisecond);
        Assert.Equal(StoreTime.Normalize(value), StoreTime.Normalize(StoreTime.Normalize(value)));
    }

    [Fact]
    public void Normalize_KeepsNullAsNull()
    {
        Assert.Null(StoreTime.Normalize((DateTimeOffset?)null));
        Assert.Equal(DateTimeOffset.UnixEpoch, StoreTime.Normalize((DateTimeOffset?)DateTimeOffset.UnixEpoch.AddTicks(1)));
    }

    [Fact]
    public void GetStoreNow_IsTheProvidersTime_Normalized()
    {
        var time = new FixedTime(new DateTimeOffset(2031, 2, 3, 4, 5, 6, 789, TimeSpan.Zero).AddTicks(4321));

        Assert.Equal(new DateTimeOffset(2031, 2, 3, 4, 5, 6, 789, TimeSpan.Zero), time.GetStoreNow());
        Assert.Throws<ArgumentNullException>(() => StoreTime.GetStoreNow(null!));
    }

    [Fact]
    public void Entities_NormalizeTimesOnAssignment()
    {
        var local = new DateTimeOffset(2030, 6, 15, 8, 30, 15, 123, TimeSpan.FromHours(-3)).AddTicks(77);

        var user = new User
        {
            Id = Id<User>.New(),
            AppId = Id<App>.New(),
            EnvId = Id<AppEnvironment>.New(),
            Email = "A@B.C",
            CreatedAt = local,
            UpdatedAt = local,
            BanExpires = local,
        };

        Assert.Equal(StoreTime.Normalize(local), user.CreatedAt);
        Assert.Equal(TimeSpan.Zero, user.CreatedAt.Offset);
        Assert.Equal(StoreTime.Normalize(local), user.BanExpires);
        Assert.Equal("a@b.c", user.Email);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
