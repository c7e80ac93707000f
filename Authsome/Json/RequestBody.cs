using System.Buffers;
using System.Text.Json;
using Authsome.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authsome.Json;

/// <summary>
/// Reads a JSON request body for an engine route: only <c>application/json</c>, at most
/// <see cref="AuthsomeOptions.MaxRequestBodyBytes"/>, no unknown members. Every failure is an
/// <see cref="AuthsomeException"/> (415, 413 or 400), thrown before anything is changed.
/// </summary>
internal static class RequestBody
{
    public static async ValueTask<T> ReadAsync<T>(HttpContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            throw new AuthsomeException(AuthsomeErrors.UnsupportedMediaType, "Send the body as application/json.");
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<AuthsomeOptions>>().Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        var buffer = await ReadBoundedAsync(request.Body, limit, context.RequestAborted);
        try
        {
            if (buffer.WrittenCount == 0)
            {
                throw Malformed("The body is empty.", "$");
            }

            return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, AuthsomeJson.RequestOptions)
                ?? throw Malformed("The body must be a JSON object.", "$");
        }
        catch (JsonException ex)
        {
            // The serializer's message names our types (and may quote input): give the path only.
            throw Malformed("The body is not valid JSON for this route: check the syntax, the field names and their types.", Bounded(ex.Path ?? "$"));
        }
    }

    private static async ValueTask<ArrayBufferWriter<byte>> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Min(limit + 1, 4096));
        while (true)
        {
            var memory = buffer.GetMemory(1024);
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                throw TooLarge(limit);
            }
        }
    }

    // A path can carry a client's member name: never echo more than a short prefix of it.
    private static string Bounded(string path) => path.Length <= 80 ? path : string.Concat(path.AsSpan(0, 80), "…");

    private static AuthsomeException TooLarge(int limit) =>
        new(AuthsomeErrors.BodyTooLarge, $"The body may be at most {limit} bytes.");

    private static AuthsomeException Malformed(string detail, string path) =>
        new(AuthsomeErrors.MalformedBody, detail, new Dictionary<string, object?> { ["path"] = path });
}
