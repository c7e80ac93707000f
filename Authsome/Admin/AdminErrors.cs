using Authsome.Errors;
using Microsoft.AspNetCore.Http;

namespace Authsome.Admin;

/// <summary>The admin API's own error codes. Part of the API: never rename one.</summary>
public static class AdminErrors
{
    /// <summary>The default environment cannot be deleted.</summary>
    /// <summary>A form config was created or removed by someone else between a read and a write.</summary>
    public static readonly AuthsomeError FormChanged = new("form_changed", StatusCodes.Status409Conflict, "Form config changed");

    public static readonly AuthsomeError DefaultEnvironment = new("default_environment", StatusCodes.Status409Conflict, "Default environment");
}
