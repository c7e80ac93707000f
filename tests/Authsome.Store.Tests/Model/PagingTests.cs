namespace Authsome.Store.Tests.Model;

public sealed class PagingTests
{
    [Fact]
    public void PageRequest_DefaultsToTheFirstPageOfFifty()
    {
        var request = new PageRequest();

        Assert.Null(request.Cursor);
        Assert.Equal(PageRequest.DefaultLimit, request.Limit);
        Assert.Equal(50, PageRequest.First.Limit);
        Assert.Null(PageRequest.First.Cursor);
        Assert.Equal(PageRequest.DefaultLimit, default(PageRequest).Limit);
        Assert.Equal(PageRequest.DefaultLimit, new UserQuery { AppId = Id<App>.New(), Page = default }.Page.Limit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(PageRequest.MaxLimit + 1)]
    public void PageRequest_RejectsALimitOutsideOneToMax(int limit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageRequest(null, limit));

    [Theory]
    [InlineData(1)]
    [InlineData(PageRequest.MaxLimit)]
    public void PageRequest_AcceptsTheLimitsBounds(int limit) =>
        Assert.Equal(limit, new PageRequest(null, limit).Limit);

    [Fact]
    public void PageRequest_TreatsAnEmptyCursorAsTheFirstPage()
    {
        Assert.Null(new PageRequest(string.Empty).Cursor);
        Assert.Null(new PageRequest(string.Empty).After<User>());
    }

    [Fact]
    public void After_ParsesTheCursorAsAnIdOfTheListedEntity()
    {
        var id = Id<User>.New();

        Assert.Equal(id, new PageRequest(id.ToString(), 10).After<User>());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("aapp_01h455vb4pex5vsknk084sn02q")]
    public void After_ThrowsArgumentException_ForACursorThatIsNotSuchAnId(string cursor) =>
        Assert.Throws<ArgumentException>(() => new PageRequest(cursor, 10).After<User>());

    [Fact]
    public void FromOverfetch_WithoutTheExtraRow_IsTheLastPage()
    {
        var page = Page.FromOverfetch(["a", "b", "c"], new PageRequest(null, 3), 9, s => s);

        Assert.Equal(["a", "b", "c"], page.Items);
        Assert.Null(page.NextCursor);
        Assert.Equal(9, page.Total);
    }

    [Fact]
    public void FromOverfetch_WithTheExtraRow_DropsIt_AndPointsTheCursorAtTheLastReturnedRow()
    {
        var page = Page.FromOverfetch(["a", "b", "c", "d"], new PageRequest(null, 3), 4, s => s);

        Assert.Equal(["a", "b", "c"], page.Items);
        Assert.Equal("c", page.NextCursor);
        Assert.Equal(4, page.Total);
    }

    [Fact]
    public void FromOverfetch_OfNothing_IsAnEmptyLastPage()
    {
        var page = Page.FromOverfetch(Array.Empty<string>(), PageRequest.First, 0, s => s);

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
        Assert.Equal(0, page.Total);
    }
}
