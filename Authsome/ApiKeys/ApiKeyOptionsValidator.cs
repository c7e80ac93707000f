using Authsome.Hosting;
using Microsoft.Extensions.Options;

namespace Authsome.ApiKeys;

/// <summary>Checks <c>Authsome:ApiKeys</c> at start-up; every failure names its configuration path.</summary>
internal sealed class ApiKeyOptionsValidator : IValidateOptions<AuthsomeOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthsomeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = $"{AuthsomeOptions.SectionName}:ApiKeys";
        var failures = new List<string>();
        AuthsomeOptionsValidator.Range(failures, $"{S}:RollGracePeriod", options.ApiKeys.RollGracePeriod, TimeSpan.Zero, TimeSpan.FromDays(30));
        AuthsomeOptionsValidator.Range(failures, $"{S}:LastUsedPrecision", options.ApiKeys.LastUsedPrecision, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        AuthsomeOptionsValidator.Range(failures, $"{S}:MaxKeysPerOwner", options.ApiKeys.MaxKeysPerOwner, 1, 10_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
