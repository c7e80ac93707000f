namespace Authsome.Passwords;

/// <summary>
/// Admissions to the hashing gate as separate requests take them. Compiled into each test project that needs it
/// (the gate is internal to the engine, so no shared test library can hold it).
/// </summary>
internal static class GateAdmissions
{
    /// <summary>
    /// Starts an admission in its own flow, as ASP.NET Core runs each request (the gate keeps an admission in an
    /// AsyncLocal that flows only into its own request), and returns once it holds its place or was refused; the task
    /// it returns ends when the turn comes.
    /// </summary>
    public static Task<Task<RequestAdmission?>> StartAsync(PasswordHashingGate gate, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => gate.AdmitRequestAsync(cancellationToken).AsTask(), cancellationToken, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
}
