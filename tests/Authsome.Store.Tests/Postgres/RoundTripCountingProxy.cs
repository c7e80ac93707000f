using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Authsome.Store.Postgres;
using Npgsql;

namespace Authsome.Store.Tests.Postgres;

/// <summary>
/// A TCP relay between Npgsql and the test server that counts the round trips of queries as the wire carries them.
/// A query (a simple Query message, or an extended-protocol batch ending in Sync) is answered by one ReadyForQuery;
/// one sent while nothing is outstanding on its connection starts a wait for the database, and one sent behind another
/// (pipelined, as Npgsql sends a pooled connection's DISCARD ALL, or BEGIN, with the next command) does not. So a
/// transaction around a statement shows as a second round trip (its COMMIT), and so does a second statement. A
/// connection's start-up, also ended by ReadyForQuery, counts as one (its authentication exchanges are not counted).
/// </summary>
internal sealed class RoundTripCountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _relays = [];
    private readonly string _serverHost;
    private readonly int _serverPort;
    private readonly Task _accepting;
    private int _roundTrips;
    private NpgsqlDataSource? _dataSource;
    private PostgresStore? _store;

    private RoundTripCountingProxy(string serverConnectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        (_serverHost, _serverPort) = (server.Host!, server.Port);
        _listener.Start();
        // The plain protocol only: the relay reads the messages, which an encrypted session would hide.
        server.Host = IPAddress.Loopback.ToString();
        server.Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        server.SslMode = SslMode.Disable;
        server.GssEncryptionMode = GssEncryptionMode.Disable;
        ConnectionString = server.ConnectionString;
        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>
    /// Starts a relay to the server, or skips the test when the server refuses unencrypted connections (a server given
    /// to the tests may accept only TLS; the relay must read the messages, which encryption would hide).
    /// </summary>
    public static async Task<RoundTripCountingProxy> StartAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var plain = new NpgsqlConnectionStringBuilder(serverConnectionString)
        {
            SslMode = SslMode.Disable, GssEncryptionMode = GssEncryptionMode.Disable, Pooling = false,
        };
        try
        {
            await using var connection = new NpgsqlConnection(plain.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            Assert.Skip($"The test server refuses unencrypted connections ({ex.MessageText}); counting round trips on the wire needs them.");
        }

        return new RoundTripCountingProxy(serverConnectionString);
    }

    /// <summary>The server's connection string, pointed at the relay.</summary>
    public string ConnectionString { get; }

    /// <summary>A store whose connections all go through the relay (made on first use, disposed with the relay).</summary>
    public PostgresStore Store => _store ??= new PostgresStore(_dataSource ??= NpgsqlDataSource.Create(ConnectionString));

    /// <summary>The round trips <paramref name="call"/> made, on every connection. Counted as sent, so complete once it returns.</summary>
    public async Task<int> CountAsync(Func<Task> call)
    {
        var before = Volatile.Read(ref _roundTrips);
        await call();
        return Volatile.Read(ref _roundTrips) - before;
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        await _stop.CancelAsync();
        _listener.Stop();
        Task[] running;
        lock (_relays)
        {
            running = [_accepting, .. _relays];
        }

        // Cancelled relays end in exceptions: they are stopped, which is all that is wanted of them here.
        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(cancellationToken);
            lock (_relays)
            {
                _relays.Add(RelayAsync(client, cancellationToken));
            }
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(_serverHost, _serverPort, cancellationToken);
            var outstanding = 0;
            var toServer = CopyAsync(client.GetStream(), server.GetStream(), new MessageScanner(startsUntyped: true), type =>
            {
                if (type is MessageScanner.StartUp or (byte)'Q' or (byte)'S' && Interlocked.Increment(ref outstanding) == 1)
                {
                    Interlocked.Increment(ref _roundTrips);
                }
            }, cancellationToken);
            var toClient = CopyAsync(server.GetStream(), client.GetStream(), new MessageScanner(startsUntyped: false), type =>
            {
                if (type == (byte)'Z')
                {
                    Interlocked.Decrement(ref outstanding);
                }
            }, cancellationToken);
            await Task.WhenAny(toServer, toClient);
        }
    }

    /// <summary>Passes bytes on, having shown each message's type to <paramref name="onMessage"/> first.</summary>
    private static async Task CopyAsync(Stream from, Stream to, MessageScanner scanner, Action<byte> onMessage, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            scanner.Scan(buffer.AsSpan(0, read), onMessage);
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>
    /// Splits a protocol stream into messages: a type byte, then a length that counts itself; the client's first
    /// message (start-up) has no type byte, and is shown as <see cref="StartUp"/>.
    /// </summary>
    private sealed class MessageScanner(bool startsUntyped)
    {
        public const byte StartUp = 0;

        private readonly byte[] _header = new byte[5];
        private bool _untyped = startsUntyped;
        private int _headerRead;
        private long _bodyLeft;

        public void Scan(ReadOnlySpan<byte> data, Action<byte> onMessage)
        {
            var i = 0;
            while (i < data.Length)
            {
                if (_bodyLeft > 0)
                {
                    var skipped = (int)Math.Min(_bodyLeft, data.Length - i);
                    _bodyLeft -= skipped;
                    i += skipped;
                    continue;
                }

                var headerLength = _untyped ? 4 : 5;
                _header[_headerRead++] = data[i++];
                if (_headerRead < headerLength)
                {
                    continue;
                }

                onMessage(_untyped ? StartUp : _header[0]);

                _bodyLeft = BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(headerLength - 4)) - 4;
                _untyped = false;
                _headerRead = 0;
            }
        }
    }
}
