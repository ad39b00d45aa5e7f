using System.CommandLine;
using Evolver.Archive;
using Evolver.Web;

namespace Evolver.Cli;

/// <summary><c>evolver serve</c>: the lineage browser of an archive, on 127.0.0.1 by default, until Ctrl+C.</summary>
internal static class ServeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var port = new Option<int>("--port")
        {
            Description = "The TCP port (0 picks a free one).",
            DefaultValueFactory = _ => LineageServerOptions.DefaultPort,
            HelpName = "N",
        };
        CommonOptions.AddRange(port, 0, 65535);
        var host = new Option<string>("--host")
        {
            Description = "The address to listen on: 127.0.0.1 (the default) keeps the archive off the network; 0.0.0.0 serves every interface.",
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "H",
        };
        var command = new Command(
            "serve",
            "Browse an archive in a web browser: the lineage tree, each variant's scores, diff, transcript and logs, plots, filters; "
            + "it refreshes itself while a run writes the archive. Ctrl+C stops it.")
        { archive, port, host };
        command.SetAction((r, ct) => RunAsync(env, env.Resolve(r.GetValue(archive)!), r.GetValue(port), r.GetValue(host)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string archive, int port, string host, CancellationToken ct)
    {
        LineageServer server;
        try
        {
            server = await LineageServer.StartAsync(new LineageServerOptions { ArchivePath = archive, Port = port, Host = host }, ct).ConfigureAwait(false);
        }
        catch (ArchiveException e)
        {
            return ArchiveAccess.Fail(env, e.Message);
        }
        catch (ArgumentException e)
        {
            return ArchiveAccess.Fail(env, e.Message);
        }
        catch (IOException e)
        {
            return ArchiveAccess.Fail(env, $"cannot listen on {host}:{port}: {e.Message}; pass another --port (0 picks a free one).");
        }

        await using (server.ConfigureAwait(false))
        {
            env.Out.WriteLine($"serving {server.ArchivePath} at {server.Url} (Ctrl+C stops)");
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C is how serving ends: a normal stop.
            }

            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
            env.Out.WriteLine("stopped.");
            return ExitCodes.Success;
        }
    }
}
