using Docker.DotNet;

namespace Evolver.Sandbox;

/// <summary>
/// Makes sure a sandbox image exists on the local engine, building what is missing (the base included), and returns its
/// concrete tag <c>family:hash</c>. The hash covers every input, so an unchanged definition is reused at once and a
/// changed one is rebuilt. Calls for the same image build it once, within a process and across processes on the machine.
/// </summary>
public static class SandboxImages
{
    /// <summary>Ensures <paramref name="family"/> (<c>evolver-python</c>, <c>evolver-dotnet</c> or <c>evolver-base</c>) is built.</summary>
    /// <param name="docker">The engine to build on.</param>
    /// <param name="family">The image family, as a task's <c>image</c> names it.</param>
    /// <param name="options">Where the definitions and host inputs are; null for the defaults.</param>
    /// <param name="progress">Receives build output line by line, prefixed with the tag; may be null.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The concrete tag to create containers from.</returns>
    /// <exception cref="ArgumentException">The family or options are invalid.</exception>
    /// <exception cref="SandboxException">A build failed; the message names the failing step and its output.</exception>
    public static async Task<string> EnsureAsync(
        IDockerClient docker, string family, ImageBuildOptions? options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var result = await EnsureWithReportAsync(docker, family, options, progress, cancellationToken).ConfigureAwait(false);
        return result.Tag;
    }

    /// <summary>As <see cref="EnsureAsync"/>, also saying which images this call built.</summary>
    internal static async Task<EnsureReport> EnsureWithReportAsync(
        IDockerClient docker, string family, ImageBuildOptions? options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        options ??= new ImageBuildOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid ImageBuildOptions: " + string.Join("; ", problems), nameof(options));
        }

        var plan = ImagePlan.Create(family, options);
        var built = new List<string>();
        if (await LocalImages.ExistsAsync(docker, plan.Tag, cancellationToken).ConfigureAwait(false))
        {
            return new EnsureReport(plan.Tag, built);
        }

        await EnsureTagAsync(docker, plan with { Family = ImagePlan.BaseFamily, Tag = plan.BaseTag }, options, progress, built, cancellationToken)
            .ConfigureAwait(false);
        if (!plan.IsBase)
        {
            await EnsureTagAsync(docker, plan, options, progress, built, cancellationToken).ConfigureAwait(false);
        }

        return new EnsureReport(plan.Tag, built);
    }

    /// <summary>Works out the tag a family would get, without building; for checks and tests.</summary>
    internal static string TagOf(string family, ImageBuildOptions options) => ImagePlan.Create(family, options).Tag;

    private static async Task EnsureTagAsync(
        IDockerClient docker, ImagePlan plan, ImageBuildOptions options, IProgress<string>? progress, List<string> built, CancellationToken cancellationToken)
    {
        var log = new BuildLog(plan.Tag, progress);
        using (await BuildLock.AcquireAsync(plan.Tag, log.Note, cancellationToken).ConfigureAwait(false))
        {
            // Checked again under the lock: another caller may have built it while this one waited.
            if (await LocalImages.ExistsAsync(docker, plan.Tag, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var clock = options.TimeProvider;
            var start = clock.GetTimestamp();
            log.Note("building");
            if (plan.IsBase)
            {
                await BaseImageBuilder.BuildAsync(docker, plan, options, log, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await FamilyImageBuilder.BuildAsync(docker, plan, options, log, cancellationToken).ConfigureAwait(false);
            }

            if (!await LocalImages.ExistsAsync(docker, plan.Tag, cancellationToken).ConfigureAwait(false))
            {
                throw new SandboxException(log.Failure("the engine reported success but has no such image"));
            }

            log.Note($"built in {clock.GetElapsedTime(start).TotalSeconds:F1} s");
            built.Add(plan.Tag);
        }
    }
}
