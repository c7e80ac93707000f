using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Authsome.Bench.Load;

/// <summary>
/// A fixed-rate HTTP client (Debian has no wrk2): request i is due at start + i / rate whatever happened before it,
/// and its latency runs from when it was due, not from when a connection was free to send it. A stall therefore
/// counts against every request it delayed, which a closed-loop client like wrk does not see (coordinated omission).
/// The pacer sleeps to each due time on a thread of its own and hands the request to an idle connection on that
/// thread; the figures still include its own slack, and <see cref="PacedResult.Lateness"/> says how much (how late
/// each request was handed to a connection).
/// </summary>
/// <remarks>
/// HTTP/1.1 over plain keep-alive sockets, written and parsed here rather than with <see cref="HttpClient"/>: on cores
/// the API shares, the client's own cost per request is load on the API's latency, and HttpClient's (headers
/// collections, content streams, per-request allocations) made this client cost more per request than the API did.
/// It understands what Kestrel answers GET with: a status line, headers, and a body by Content-Length or chunked.
/// </remarks>
internal sealed class PacedClient : IDisposable
{
    private readonly List<Connection> _connections;
    private readonly string _path;
    private readonly Func<string> _bearerToken;

    private PacedClient(List<Connection> connections, string path, Func<string> bearerToken) =>
        (_connections, _path, _bearerToken) = (connections, path, bearerToken);

    /// <summary>
    /// Opens the client's keep-alive connections once, for its warm-up and its measured runs alike: a run that opened its
    /// own would measure the API accepting them (and compiling its accept path anew once the calls counted reach the
    /// JIT's threshold), which a client that keeps its connections never makes it do.
    /// </summary>
    public static async Task<PacedClient> ConnectAsync(Uri baseAddress, string path, Func<string> bearerToken, int connections, CancellationToken cancellationToken)
    {
        var opened = new List<Connection>();
        try
        {
            for (var c = 0; c < connections; c++)
            {
                opened.Add(await Connection.OpenAsync(baseAddress, cancellationToken));
            }

            return new PacedClient(opened, path, bearerToken);
        }
        catch
        {
            opened.ForEach(connection => connection.Dispose());
            throw;
        }
    }

    public async Task<PacedResult> RunAsync(double rate, int seconds, CancellationToken cancellationToken)
    {
        var total = (int)Math.Max(1, rate * seconds);
        var latencies = new long[total];
        var lateness = new long[total];
        var errors = 0L;
        // Synchronous continuations: the pacer's write runs an idle connection's send on the pacer's own thread, with no
        // hop through the thread pool between a request being due and its bytes leaving.
        var due = Channel.CreateUnbounded<(int Index, long Due, string Token)>(new UnboundedChannelOptions { SingleWriter = true, AllowSynchronousContinuations = true });
        var workers = _connections.Select(connection => Task.Run(
            async () =>
            {
                await foreach (var (index, dueAt, token) in due.Reader.ReadAllAsync(cancellationToken))
                {
                    if (await connection.GetAsync(_path, token, cancellationToken) is < 200 or >= 300)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    latencies[index] = Stopwatch.GetTimestamp() - dueAt;
                }
            },
            cancellationToken)).ToList();

        var start = Stopwatch.GetTimestamp();
        // The pacer has a thread of its own, which sleeps to each request's due time (PreciseSleep).
        await Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
                {
                    var dueAt = start + (long)(i * Stopwatch.Frequency / rate);
                    PreciseSleep.Until(dueAt);
                    lateness[i] = Stopwatch.GetTimestamp() - dueAt;
                    due.Writer.TryWrite((i, dueAt, _bearerToken()));
                }

                due.Writer.Complete();
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var sorted = (long[])latencies.Clone();
        Array.Sort(sorted);
        Array.Sort(lateness);
        return new PacedResult(
            new LoadResult(total, elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99), errors, new Dictionary<int, long>()),
            (Percentile(lateness, 0.50), Percentile(lateness, 0.99)),
            TailWindows(latencies, sorted[PercentileIndex(sorted, 0.99)], rate));
    }

    public void Dispose() => _connections.ForEach(connection => connection.Dispose());

    /// <summary>
    /// When the slowest 1 % of requests were due, in 100 ms windows from the start: a tail that sits in one or two
    /// windows is a stall (of the API, the client or the machine), one spread over the run is queueing.
    /// </summary>
    private static TailTiming TailWindows(long[] latenciesByIndex, long threshold, double rate)
    {
        var windows = new SortedDictionary<int, int>();
        for (var i = 0; i < latenciesByIndex.Length; i++)
        {
            if (latenciesByIndex[i] >= threshold)
            {
                var window = (int)(i / rate * 10);
                windows[window] = windows.GetValueOrDefault(window) + 1;
            }
        }

        var worst = windows.MaxBy(w => w.Value);
        return new TailTiming(windows.Count, TimeSpan.FromSeconds(worst.Key / 10.0), worst.Value / (double)windows.Values.Sum());
    }

    private static TimeSpan Percentile(long[] sortedTicks, double quantile) =>
        TimeSpan.FromSeconds(sortedTicks[PercentileIndex(sortedTicks, quantile)] / (double)Stopwatch.Frequency);

    private static int PercentileIndex(long[] sorted, double quantile) => Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length));

    /// <summary>One keep-alive connection; one request at a time.</summary>
    private sealed class Connection(Socket socket, string host) : IDisposable
    {
        private static readonly byte[] s_headerEnd = "\r\n\r\n"u8.ToArray();
        private static readonly byte[] s_crlf = "\r\n"u8.ToArray();
        private readonly byte[] _request = new byte[4096];
        private readonly byte[] _buffer = new byte[16384];
        private int _start;
        private int _end;

        public static async Task<Connection> OpenAsync(Uri baseAddress, CancellationToken cancellationToken)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(baseAddress.Host), baseAddress.Port), cancellationToken);
            return new Connection(socket, baseAddress.Authority);
        }

        /// <summary>Sends the GET and reads the whole answer; returns its status.</summary>
        public async Task<int> GetAsync(string path, string bearerToken, CancellationToken cancellationToken)
        {
            var length = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {bearerToken}\r\n\r\n", _request);
            await socket.SendAsync(_request.AsMemory(0, length), cancellationToken);

            var headerEnd = await ReadUntilAsync(s_headerEnd, cancellationToken);
            var head = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
            _start = headerEnd + s_headerEnd.Length;
            var status = int.Parse(head.AsSpan(9, 3), provider: null);
            var contentLength = Header(head, "content-length");
            if (contentLength is not null)
            {
                await SkipAsync(int.Parse(contentLength, provider: null), cancellationToken);
            }
            else if (Header(head, "transfer-encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            {
                while (true)
                {
                    var lineEnd = await ReadUntilAsync(s_crlf, cancellationToken);
                    var sizeText = _buffer.AsSpan(_start, lineEnd - _start);
                    var semicolon = sizeText.IndexOf((byte)';');
                    if (!Utf8Parser.TryParse(semicolon < 0 ? sizeText : sizeText[..semicolon], out int size, out _, 'x'))
                    {
                        throw new InvalidOperationException("The API sent a chunk size that is not hexadecimal.");
                    }

                    _start = lineEnd + s_crlf.Length;
                    // The chunk and its CRLF; the last (empty) chunk is followed by the CRLF that ends the trailers.
                    await SkipAsync(size + s_crlf.Length, cancellationToken);
                    if (size == 0)
                    {
                        break;
                    }
                }
            }

            return status;
        }

        public void Dispose() => socket.Dispose();

        private static string? Header(string head, string name)
        {
            foreach (var line in head.Split("\r\n"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line.AsSpan(0, colon).Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return line[(colon + 1)..].Trim();
                }
            }

            return null;
        }

        /// <summary>Reads until <paramref name="marker"/> is buffered; returns where it starts.</summary>
        private async ValueTask<int> ReadUntilAsync(byte[] marker, CancellationToken cancellationToken)
        {
            while (true)
            {
                var found = _buffer.AsSpan(_start, _end - _start).IndexOf(marker);
                if (found >= 0)
                {
                    return _start + found;
                }

                await FillAsync(cancellationToken);
            }
        }

        private async ValueTask SkipAsync(int count, CancellationToken cancellationToken)
        {
            while (_end - _start < count)
            {
                count -= _end - _start;
                _start = _end;
                await FillAsync(cancellationToken);
            }

            _start += count;
        }

        private async ValueTask FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new InvalidOperationException("An answer's headers do not fit the paced client's buffer.");
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                throw new InvalidOperationException("The API closed a keep-alive connection of the paced client.");
            }

            _end += read;
        }
    }
}

/// <summary>A paced run: its load figures, how late the client itself handed requests to a connection (p50, p99), and when its tail was due.</summary>
internal sealed record PacedResult(LoadResult Load, (TimeSpan P50, TimeSpan P99) Lateness, TailTiming Tail);

/// <summary>The slowest 1 % of a paced run: in how many 100 ms windows they were due, the fullest window's start, and its share of them.</summary>
internal sealed record TailTiming(int Windows, TimeSpan FullestWindow, double FullestShare);
