using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Authsome.Tests.Email;

/// <summary>
/// A minimal SMTP server on loopback that keeps what it receives (no SMTP server package is available here):
/// EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP and QUIT, enough for MailKit's client.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    // Latin-1 maps every byte to one char and back, so message bytes survive the text reader unchanged.
    private static readonly Encoding Wire = Encoding.Latin1;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<ReceivedMail> _received = Channel.CreateUnbounded<ReceivedMail>();
    private readonly Task _accepting;
    private int _connections;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many clients have connected.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Recipients this returns false for are refused with 550.</summary>
    public Func<string, bool> AcceptRecipient { get; init; } = _ => true;

    /// <summary>When set, the sink accepts connections and never answers.</summary>
    public bool Silent { get; init; }

    public ValueTask<ReceivedMail> ReceiveAsync(CancellationToken cancellationToken) => _received.Reader.ReadAsync(cancellationToken);

    public bool TryReceive(out ReceivedMail? mail) => _received.Reader.TryRead(out mail);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                sessions.Add(ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await using var stream = client.GetStream();
            if (Silent)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }

            using var reader = new StreamReader(stream, Wire);
            await using var writer = new StreamWriter(stream, Wire) { NewLine = "\r\n", AutoFlush = true };
            await SessionAsync(reader, writer, _stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private async Task SessionAsync(StreamReader reader, StreamWriter writer, CancellationToken cancellationToken)
    {
        string? from = null;
        string? auth = null;
        var recipients = new List<string>();
        await writer.WriteLineAsync("220 localhost Authsome test sink");
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME");
                    break;
                case "HELO":
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "AUTH":
                    var parts = line.Split(' ');
                    var response = parts.Length > 2 ? parts[2] : await PromptAsync(reader, writer, cancellationToken);
                    auth = Encoding.UTF8.GetString(Convert.FromBase64String(response ?? string.Empty));
                    await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    break;
                case "MAIL":
                    from = Address(line);
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    var recipient = Address(line);
                    if (AcceptRecipient(recipient))
                    {
                        recipients.Add(recipient);
                        await writer.WriteLineAsync("250 OK");
                    }
                    else
                    {
                        await writer.WriteLineAsync("550 5.1.1 No such user");
                    }

                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = await ReadDataAsync(reader, cancellationToken);
                    _received.Writer.TryWrite(new ReceivedMail(from ?? string.Empty, [.. recipients], auth, data));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET":
                    from = null;
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private static async Task<string?> PromptAsync(StreamReader reader, StreamWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync(cancellationToken);
    }

    private static async Task<byte[]> ReadDataAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line && line != ".")
        {
            // Undo dot-stuffing (RFC 5321 section 4.5.2).
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        return Wire.GetBytes(data.ToString());
    }

    private static string Address(string command)
    {
        var start = command.IndexOf('<', StringComparison.Ordinal);
        var end = command.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? command[(start + 1)..end] : string.Empty;
    }
}

/// <summary>One message as the sink received it: the envelope, the AUTH PLAIN credentials if any, and the raw message.</summary>
internal sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, string? AuthPlain, byte[] Data);
