using System.Text.RegularExpressions;

namespace Authsome.Hosting.Tests;

public sealed class DatabaseNamesTests
{
    [Theory]
    [InlineData("Authsome.Store.Tests", "authsome_store_tests_")]
    [InlineData("store", "store_")]
    [InlineData("  --  ", "test_")]
    [InlineData("", "test_")]
    [InlineData("1st", "t1st_")]
    [InlineData("Ünïcode Näme", "n_code_n_me_")]
    public void Unique_MakesAValidLowercaseNameFromThePrefix(string prefix, string expectedStart)
    {
        var name = DatabaseNames.Unique(prefix);

        Assert.StartsWith(expectedStart, name, StringComparison.Ordinal);
        Assert.Matches(new Regex("^[a-z_][a-z0-9_]*_[a-z0-9]{10}$"), name);
    }

    [Fact]
    public void Unique_FitsInSixtyThreeBytes()
    {
        var name = DatabaseNames.Unique(new string('x', 200));

        Assert.Equal(DatabaseNames.MaxLength, name.Length);
    }

    [Fact]
    public void Unique_DiffersEveryTime()
    {
        var names = Enumerable.Range(0, 1000).Select(_ => DatabaseNames.Unique("same")).ToHashSet();

        Assert.Equal(1000, names.Count);
    }

    [Fact]
    public void Quote_DoublesEmbeddedQuotes() =>
        Assert.Equal("\"we\"\"ird\"", DatabaseNames.Quote("we\"ird"));
}
