using System.Collections.Concurrent;
using System.Security.Cryptography;
using Evolver.Core;

namespace Evolver.Gateway;

/// <summary>The live tokens: each maps to one task run's session until it is closed or expires.</summary>
internal sealed class SessionTable(TimeSpan lifetime, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, GatewaySession> sessions = new(StringComparer.Ordinal);

    public GatewaySession Open(GatewayScope scope)
    {
        // 256 random bits: unguessable by an agent holding another run's token.
        var token = "evgw-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = new GatewaySession(token, scope, time.GetUtcNow() + lifetime);
        sessions[token] = session;
        return session;
    }

    /// <summary>The session of <paramref name="token"/>, or null and why it is refused.</summary>
    public (GatewaySession? Session, string Why) Find(string token)
    {
        if (!sessions.TryGetValue(token, out var session))
        {
            return (null, "unknown or revoked gateway token: each task run has its own, valid only while the run lasts");
        }

        if (time.GetUtcNow() > session.Expires)
        {
            // Kept until its run closes it, so its usage and exchanges are still handed back.
            return (null, "the gateway token has expired");
        }

        return (session, "");
    }

    /// <summary>Revokes <paramref name="token"/>; null when it was not live.</summary>
    public GatewaySession? Close(string token) => sessions.TryRemove(token, out var session) ? session : null;
}
