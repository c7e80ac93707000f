namespace Authsome.Passwords.DenyList;

/// <summary>
/// The common-password deny list embedded from <c>common-passwords.txt</c> (origin and licence in NOTICE.md beside
/// it), loaded once per process. Lookups ignore case.
/// </summary>
internal static class CommonPasswords
{
    internal const string ResourceName = "Authsome.Passwords.DenyList.common-passwords.txt";

    private static readonly Lazy<HashSet<string>> Set = new(Load);

    public static int Count => Set.Value.Count;

    public static bool Contains(string password) => Set.Value.Contains(password);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the Authsome assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
