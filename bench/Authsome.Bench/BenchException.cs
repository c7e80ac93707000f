namespace Authsome.Bench;

/// <summary>A step of the benchmark failed in a way the run cannot go on from; the message says which and why.</summary>
internal sealed class BenchException : Exception
{
    public BenchException(string message)
        : base(message)
    {
    }

    public BenchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
