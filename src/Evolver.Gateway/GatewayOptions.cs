using Evolver.Core;

namespace Evolver.Gateway;

/// <summary>Where the gateway listens, how long its tokens live, and the budgets of task runs no run tracker counts.</summary>
public sealed class GatewayOptions
{
    /// <summary>The socket's file name inside <see cref="SocketDirectory"/>.</summary>
    public const string SocketFileName = "gateway.sock";

    /// <summary>
    /// The host folder that holds the gateway's Unix socket; the sandbox bind-mounts it read-only into every solve
    /// container. Null: a new folder under the temp directory, removed when the gateway stops.
    /// </summary>
    public string? SocketDirectory { get; init; }

    /// <summary>Where solve containers see <see cref="SocketDirectory"/>. Default <c>/evolver-gateway</c>.</summary>
    public string ContainerSocketDirectory { get; init; } = "/evolver-gateway";

    /// <summary>
    /// Also listen on a free TCP port of 127.0.0.1 (for tests and host-side tools; containers never reach it). Default false.
    /// </summary>
    public bool ListenOnLoopback { get; init; }

    /// <summary>How long a token stays valid if its task run is never closed. Default 3 hours.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(3);

    /// <summary>Largest request body accepted from an agent. Default 8 MiB.</summary>
    public long MaxRequestBytes { get; init; } = 8L << 20;

    /// <summary>The run id recorded with each exchange, e.g. an evaluation's or a run's id. Default <c>eval</c>.</summary>
    public string RunId { get; init; } = "eval";

    /// <summary>
    /// Budgets the gateway enforces itself for task runs whose scope names no run tracker (<c>evolver eval</c>): run
    /// (every task run of this gateway), child (per <see cref="GatewayScope.ChildId"/>) and task limits on
    /// <c>llm_tokens</c> and <c>dollars</c>. Default unlimited.
    /// </summary>
    public BudgetOptions Budgets { get; init; } = new();

    /// <summary>Checks the options once at start-up.</summary>
    /// <returns>Problems found, each naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (SocketDirectory is not null && !Path.IsPathFullyQualified(SocketDirectory))
        {
            problems.Add($"{nameof(SocketDirectory)} '{SocketDirectory}' must be an absolute path");
        }

        if (!ContainerSocketDirectory.StartsWith('/') || ContainerSocketDirectory.Length < 2)
        {
            problems.Add($"{nameof(ContainerSocketDirectory)} '{ContainerSocketDirectory}' must be an absolute container path other than /");
        }

        if (TokenLifetime <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(TokenLifetime)} must be positive, got {TokenLifetime}");
        }

        if (MaxRequestBytes < 1024)
        {
            problems.Add($"{nameof(MaxRequestBytes)} must be at least 1024, got {MaxRequestBytes}");
        }

        if (string.IsNullOrWhiteSpace(RunId))
        {
            problems.Add($"{nameof(RunId)} is required");
        }

        try
        {
            Budgets.Validate();
        }
        catch (ArgumentException e)
        {
            problems.Add($"{nameof(Budgets)}: {e.Message}");
        }

        return problems;
    }
}
