using Authsome.Store.Relational;

namespace Authsome.Store.Tests.Relational;

public sealed class PositionalStatementTests
{
    [Fact]
    public void EachNameIsNumberedByItsFirstUse_AndARepeatedNameKeepsItsNumber()
    {
        var statement = PositionalStatement.From("UPDATE t SET a = @a, b_2 = @b_2 WHERE id = @id AND a = @a");

        Assert.Equal("UPDATE t SET a = $1, b_2 = $2 WHERE id = $3 AND a = $1", statement.Text);
        Assert.Equal(["a", "b_2", "id"], statement.Names);
    }

    [Fact]
    public void ANameThatStartsAnotherIsItsOwnParameter() =>
        Assert.Equal("$1 $2 $1", PositionalStatement.From("@id @id_2 @id").Text);
}
