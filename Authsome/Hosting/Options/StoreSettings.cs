namespace Authsome;

/// <summary>Store selection (<c>Authsome:Store</c>).</summary>
public sealed class StoreSettings
{
    /// <summary>
    /// <c>postgres</c>, <c>sqlite</c>, <c>mongo</c> or <c>memory</c> to force a backend; null (the default) to infer it
    /// from <c>ConnectionStrings:authsome</c>.
    /// </summary>
    public string? Provider { get; set; }
}
