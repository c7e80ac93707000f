using Authsome.Bench;

if (!BenchSettings.TryParse(args, out var settings, out var problem))
{
    await Console.Error.WriteLineAsync(problem);
    await Console.Error.WriteLineAsync(BenchSettings.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops the run and cleans up (API process, cluster); a second one ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

try
{
    await (!settings.IsComparison ? BenchRun.RunAsync(settings, cancellation.Token) : AbRun.RunAsync(settings, cancellation.Token));
    return 0;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return 130;
}
catch (BenchException ex)
{
    await Console.Error.WriteLineAsync($"Benchmark failed: {ex.Message}");
    return 1;
}
