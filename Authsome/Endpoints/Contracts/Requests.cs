using Authsome.Json;
using Microsoft.AspNetCore.Http;

namespace Authsome.Endpoints.Contracts;

// Request bodies bind through RequestBody (JSON only, bounded, unknown members refused); every member is nullable so
// that a missing or null field gets a clear validation_failed naming it rather than a serializer message.

/// <summary>POST /signup.</summary>
public sealed record SignUpRequest
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? Name { get; init; }
    public string? Username { get; init; }

    /// <summary>Values of the app's extra sign-up fields, by key (see the app's <c>signup</c> form config); kept in the user's metadata.</summary>
    public Dictionary<string, string?>? Fields { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<SignUpRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<SignUpRequest>(context);
}

/// <summary>POST /signin: an email or a username, and the password.</summary>
public sealed record SignInRequest
{
    public string? Email { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<SignInRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<SignInRequest>(context);
}

/// <summary>POST /refresh.</summary>
public sealed record RefreshRequest
{
    public string? RefreshToken { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<RefreshRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<RefreshRequest>(context);
}

/// <summary>PATCH /me: absent fields are left as they are; an empty string clears a field.</summary>
public sealed record UpdateProfileRequest
{
    public string? Name { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Username { get; init; }
    public string? Image { get; init; }

    /// <summary>Required to change the username, for accounts that have a password.</summary>
    public string? CurrentPassword { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<UpdateProfileRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<UpdateProfileRequest>(context);
}

/// <summary>DELETE /me: the current password, for accounts that have one (others need a sign-in within five minutes).</summary>
public sealed record DeleteAccountRequest
{
    public string? CurrentPassword { get; init; }

    /// <summary>Binds the body; a request without a body binds to an empty one.</summary>
    public static ValueTask<DeleteAccountRequest> BindAsync(HttpContext context) =>
        context.Request.ContentLength is null or 0 && !context.Request.HasJsonContentType()
            ? ValueTask.FromResult(new DeleteAccountRequest())
            : RequestBody.ReadAsync<DeleteAccountRequest>(context);
}

/// <summary>POST /change-password.</summary>
public sealed record ChangePasswordRequest
{
    public string? CurrentPassword { get; init; }
    public string? NewPassword { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<ChangePasswordRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<ChangePasswordRequest>(context);
}

/// <summary>POST /forgot-password.</summary>
public sealed record ForgotPasswordRequest
{
    public string? Email { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<ForgotPasswordRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<ForgotPasswordRequest>(context);
}

/// <summary>POST /reset-password.</summary>
public sealed record ResetPasswordRequest
{
    public string? Token { get; init; }
    public string? NewPassword { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<ResetPasswordRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<ResetPasswordRequest>(context);
}

/// <summary>POST /verify-email: the token from the link, or the email and the code from the mail.</summary>
public sealed record VerifyEmailRequest
{
    public string? Token { get; init; }
    public string? Email { get; init; }
    public string? Code { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<VerifyEmailRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<VerifyEmailRequest>(context);
}

/// <summary>POST /verify-email/resend.</summary>
public sealed record ResendVerificationRequest
{
    public string? Email { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<ResendVerificationRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<ResendVerificationRequest>(context);
}
