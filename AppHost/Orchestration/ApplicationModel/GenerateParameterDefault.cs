using System.Security.Cryptography;

namespace Authsome.AppHost.Orchestration;

/// <summary>The <c>generate</c> default of a parameter: a random string of at least <see cref="MinLength"/> characters.</summary>
public sealed class GenerateParameterDefault
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>The length the manifest asks for (Aspire's database passwords use 22).</summary>
    public int MinLength { get; init; } = 22;

    /// <summary>Whether the deployment tool may use special characters (written to the manifest only when false).</summary>
    public bool Special { get; init; } = true;

    /// <summary>A value in run mode: letters and digits only, so it needs no escaping in a connection string.</summary>
    public string Generate() => RandomNumberGenerator.GetString(Letters, MinLength);
}
