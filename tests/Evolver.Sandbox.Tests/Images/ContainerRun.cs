using Docker.DotNet;
using Docker.DotNet.Models;

namespace Evolver.Sandbox.Tests.Images;

/// <summary>Runs one shell command in a fresh, network-less container of an image and always removes the container.</summary>
internal static class ContainerRun
{
    public static async Task<(long ExitCode, string Stdout, string Stderr)> RunAsync(
        IDockerClient docker, string image, string script, TimeSpan timeout, string? user = null, IList<string>? binds = null)
    {
        using var cts = new CancellationTokenSource(timeout);
        var created = await docker.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = image,
                Cmd = ["sh", "-c", script],
                User = user,
                Labels = new Dictionary<string, string> { ["evolver.test"] = "images" },
                HostConfig = new HostConfig { NetworkMode = "none", Binds = binds },
            },
            cts.Token);
        try
        {
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cts.Token);
            var wait = await docker.Containers.WaitContainerAsync(created.ID, cts.Token);
            using var logs = await docker.Containers.GetContainerLogsAsync(
                created.ID, tty: false, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, cts.Token);
            var (stdout, stderr) = await logs.ReadOutputToEndAsync(cts.Token);
            return (wait.StatusCode, stdout, stderr);
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    public static async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> action)
    {
        var start = TimeProvider.System.GetTimestamp();
        var result = await action();
        return (result, TimeProvider.System.GetElapsedTime(start));
    }
}
