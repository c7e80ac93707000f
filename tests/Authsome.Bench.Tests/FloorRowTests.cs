using System.Text.RegularExpressions;
using Authsome.Bench.Floor;

namespace Authsome.Bench.Tests;

/// <summary>
/// GET /me's floor must run the statement pgbench's reference runs (<c>bench/scripts/me-join.sql</c>, the store's join)
/// and decode every column it selects: a floor that read less, or another statement, would flatter itself.
/// </summary>
public sealed partial class FloorRowTests
{
    [Fact]
    public void Query_SelectsTheColumnsOfTheReferenceScript_FromTheSameJoin()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "bench", "scripts", "me-join.sql"));
        var reference = Statement().Match(script);
        var floor = Statement().Match(FloorRow.Query);

        Assert.True(reference.Success, "me-join.sql has no SELECT ... WHERE s.token_hash = statement.");
        Assert.True(floor.Success, "The floor's query has no SELECT ... WHERE s.token_hash = statement.");
        Assert.Equal(reference.Groups["columns"].Value, floor.Groups["columns"].Value);
        Assert.Equal(reference.Groups["from"].Value, floor.Groups["from"].Value);
    }

    [Fact]
    public void EveryColumn_HasAKindToBeReadAs()
    {
        var columns = Statement().Match(FloorRow.Query).Groups["columns"].Value.Split(", ");

        Assert.Equal(columns.Length, FloorRow.Kinds.Length);
        for (var i = 0; i < columns.Length; i++)
        {
            var expected = columns[i] switch
            {
                _ when columns[i].EndsWith("_at", StringComparison.Ordinal) || columns[i].EndsWith("ban_expires", StringComparison.Ordinal) => 'D',
                _ when columns[i].EndsWith("verified", StringComparison.Ordinal) || columns[i] == "u.banned" => 'B',
                _ => 'T',
            };
            Assert.True(expected == FloorRow.Kinds[i], $"Column {i} ({columns[i]}) is read as '{FloorRow.Kinds[i]}', not '{expected}'.");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Authsome.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Authsome.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"SELECT (?<columns>.+?) (?<from>FROM .+?) WHERE s\.token_hash = ", RegexOptions.Singleline)]
    private static partial Regex Statement();
}
