namespace Evolver.Core;

/// <summary>
/// The LLM gateway as the evaluation sees it: each task run gets its own short-lived grant (a bearer token), and closing
/// the grant revokes the token and hands back what the run used and the exchanges it made.
/// </summary>
public interface ITaskGateway
{
    /// <summary>Issues a grant for one task run; the gateway meters and caps it by <paramref name="scope"/>.</summary>
    GatewayGrant Open(GatewayScope scope);

    /// <summary>Revokes <paramref name="grant"/>'s token and returns the run's usage and recorded exchanges.</summary>
    GatewayUsage Close(GatewayGrant grant);
}
