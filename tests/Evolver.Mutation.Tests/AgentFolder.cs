namespace Evolver.Mutation.Tests;

/// <summary>Writes small agent folders for validation tests: the SDK entry contract plus one helper file.</summary>
internal static class AgentFolder
{
    /// <summary>The entry file every test agent shares: top-level statements calling AgentHost.RunAsync.</summary>
    public const string Program = """
        using Evolver.Agents.Sdk;

        return await AgentHost.RunAsync(new Agent(), args);

        internal sealed class Agent : IAgent
        {
            public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
            {
                await Util.ProbeAsync(context, cancellationToken);
                return new AgentReport("completed", "probed");
            }
        }
        """;

    /// <summary>Usings for snippets: namespaces holding banned types, which alone must not count as a use.</summary>
    private const string Usings = """
        using System.Diagnostics;
        using System.Net;
        using System.Net.Sockets;
        using System.Reflection;
        using System.Runtime.InteropServices;
        using Evolver.Agents.Sdk;

        """;

    /// <summary>Writes an agent whose <c>Util.ProbeAsync</c> body is <paramref name="body"/> and returns its folder.</summary>
    public static string WithBody(TempDirectory dir, string name, string body, string members = "", string usings = "") =>
        WithUtil(dir, name, usings + Usings + $$"""
            internal static class Util
            {
            {{members}}
                public static async Task ProbeAsync(AgentContext context, CancellationToken ct)
                {
            {{body}}
                    await Task.CompletedTask;
                }
            }
            """);

    /// <summary>Writes an agent with <see cref="Program"/> and <paramref name="util"/> as <c>Util.cs</c> and returns its folder.</summary>
    public static string WithUtil(TempDirectory dir, string name, string util, string program = Program)
    {
        dir.Write($"{name}/Program.cs", program);
        dir.Write($"{name}/Util.cs", util);
        return dir.Combine(name);
    }
}
