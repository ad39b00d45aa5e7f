using Evolver.Sandbox;
using Serilog;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>Opens the Docker sandbox for a command, turning "no engine" and image failures into a clear message.</summary>
internal static class SandboxHost
{
    /// <summary>The hint printed when no Docker engine answers.</summary>
    public const string SetupHint =
        "Run ./scripts/setup.sh as root (it installs docker.io and starts dockerd), "
        + "or install docker.io yourself and start the engine, then run this command again.";

    /// <summary>Creates the sandbox and builds or finds the images of <paramref name="imageFamilies"/>, showing progress.</summary>
    /// <returns>The sandbox, or null after writing to standard error why it could not be opened.</returns>
    public static async Task<DockerSandbox?> OpenAsync(
        CliEnvironment env, ILogger log, SandboxOptions options, IReadOnlyCollection<string> imageFamilies, CancellationToken cancellationToken)
    {
        if (options.Images is null && env.Repo is { } repo && Directory.Exists(Path.Combine(repo.Root, "docker")))
        {
            options.Images = new ImageBuildOptions { DockerDirectory = Path.Combine(repo.Root, "docker"), TimeProvider = env.Time };
        }

        DockerSandbox? sandbox = null;
        try
        {
            async Task StartAsync(Action<string> status)
            {
                var progress = new CallbackProgress<string>(line =>
                {
                    log.Debug("Image build: {Line}", line);
                    status(line);
                    if (IsMilestone(line))
                    {
                        env.Console.MarkupLineInterpolated($"[grey]image[/] {line}");
                    }
                });
                sandbox = await DockerSandbox.CreateAsync(options, log, env.Time, progress, cancellationToken).ConfigureAwait(false);
                status($"preparing images {string.Join(", ", imageFamilies)}");
                await sandbox.PrepareAsync(imageFamilies, cancellationToken).ConfigureAwait(false);
            }

            if (env.Console.Profile.Capabilities.Interactive)
            {
                // A spinner shows the latest build line; on a log or pipe only the milestones are written.
                await env.Console.Status().StartAsync("starting the sandbox", ctx => StartAsync(
                    line => ctx.Status(Markup.Escape(line.Length > 100 ? line[..100] + "…" : line)))).ConfigureAwait(false);
            }
            else
            {
                await StartAsync(_ => { }).ConfigureAwait(false);
            }

            return sandbox;
        }
        catch (SandboxException e)
        {
            log.Error(e, "Could not open the sandbox");
            env.Error.WriteLine("error: " + e.Message);
            if (sandbox is null && !e.Message.Contains("setup.sh", StringComparison.Ordinal))
            {
                env.Error.WriteLine(SetupHint);
            }

            if (sandbox is not null)
            {
                await sandbox.DisposeAsync().ConfigureAwait(false);
            }

            return null;
        }
        catch
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Image build lines worth a line of their own: start, Dockerfile steps and the end; the rest only feeds the spinner.</summary>
    private static bool IsMilestone(string line) =>
        line.EndsWith(": building", StringComparison.Ordinal)
        || line.Contains(": built in ", StringComparison.Ordinal)
        || line.Contains(": Step ", StringComparison.Ordinal);
}
