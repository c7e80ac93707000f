namespace Authsome.Bench.Hashing;

/// <summary>The hashing limit measured right before a scenario's measured run and right after it (verifications per second).</summary>
internal sealed record LimitBeside(double Before, double After)
{
    /// <summary>What the ratio uses: the mean of the two, neither the higher nor the lower.</summary>
    public double Mean => (Before + After) / 2;
}
