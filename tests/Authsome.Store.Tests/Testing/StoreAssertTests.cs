using System.Collections.Immutable;
using Authsome.Store.Testing;

namespace Authsome.Store.Tests.Testing;

// The suite's assertions must be able to fail, or every backend would pass it.
public sealed class StoreAssertTests
{
    private static readonly User Sample = TestData.NewUser(Id<App>.New(), Id<AppEnvironment>.New()) with
    {
        Metadata = ImmutableDictionary<string, string>.Empty.Add("plan", "pro"),
        PasswordChangedAt = TestData.Now,
    };

    [Fact]
    public void Same_AcceptsACopyWithEqualCollectionsInNewInstances()
    {
        var copy = Sample with { Metadata = ImmutableDictionary<string, string>.Empty.Add("plan", "pro") };

        StoreAssert.Same(Sample, copy);
    }

    [Fact]
    public void Same_RejectsNull() =>
        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(Sample, null));

    [Fact]
    public void Same_RejectsADifferentString() =>
        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(Sample, Sample with { Name = "Other" }));

    [Fact]
    public void Same_RejectsADifferentTimestamp() =>
        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(Sample, Sample with { PasswordChangedAt = TestData.Now.AddMilliseconds(1) }));

    [Fact]
    public void Same_RejectsAMissingTimestamp() =>
        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(Sample, Sample with { PasswordChangedAt = null }));

    [Fact]
    public void Same_RejectsADifferentId() =>
        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(Sample, Sample with { EnvId = Id<AppEnvironment>.New() }));

    [Fact]
    public void Same_RejectsADifferentMetadataValue() =>
        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(Sample, Sample with { Metadata = Sample.Metadata.SetItem("plan", "free") }));

    [Fact]
    public void Same_RejectsAnExtraMetadataEntry() =>
        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(Sample, Sample with { Metadata = Sample.Metadata.Add("extra", "1") }));

    [Fact]
    public void Same_RejectsADifferentSecretHash()
    {
        var session = TestData.NewSession(Sample);

        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(session, session with { TokenHash = TestData.NewSecretHash() }));
    }

    [Fact]
    public void Same_RejectsADifferentArrayElementOrOrder()
    {
        var webhook = TestData.NewWebhook(Id<App>.New());

        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(webhook, webhook with { Events = ["user.created", "other"] }));
        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(webhook, webhook with { Events = [.. webhook.Events.Reverse()] }));
    }

    [Fact]
    public void Same_RejectsADifferentNestedValue()
    {
        var form = TestData.NewFormConfig(Id<App>.New());
        var changed = form with { Fields = form.Fields.SetItem(0, form.Fields[0] with { Validation = form.Fields[0].Validation! with { MaxLength = 81 } }) };

        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(form, changed));
    }

    [Fact]
    public void Same_RejectsADifferentTimeSpan()
    {
        var config = TestData.NewSessionConfig(Id<App>.New());

        Assert.ThrowsAny<Exception>(() => StoreAssert.Same(config, config with { TokenTtl = TimeSpan.FromMinutes(16) }));
    }
}
