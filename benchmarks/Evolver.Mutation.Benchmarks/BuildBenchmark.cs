using System.Diagnostics;
using System.Globalization;
using Evolver.Agents.Sdk;

namespace Evolver.Mutation.Benchmarks;

/// <summary>
/// Roslyn's in-memory <see cref="AgentBuilder"/> against <c>dotnet build</c> of the same agent. Each round builds a fresh
/// copy of the agent folder, as the loop builds each new child once: with AgentBuilder in this (warm) process, with
/// <c>dotnet build</c> (restore included), and with <c>dotnet build --no-restore</c> after a separate restore. Both
/// compile against the same prebuilt Evolver.Agents.Sdk.dll. Prints each round and the medians and ratios.
/// </summary>
internal static class BuildBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var agent = Path.GetFullPath(args.Length > 0 ? args[0] : BenchmarkPaths.Seed("repair"));
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        using var work = new TempFolder("evolver-build-bench-");
        var builder = new AgentBuilder(new AgentBuilderOptions(), TimeProvider.System);

        // Warm-up, not measured: the first Roslyn build loads the reference assemblies and JITs the compiler; the first
        // dotnet build starts the build servers.
        var first = Stopwatch.StartNew();
        var warm = await builder.BuildAsync(agent, Path.Combine(work.Path, "warm-roslyn"), CancellationToken.None);
        Console.WriteLine($"first Roslyn build in this process (cold, not counted): {first.Elapsed.TotalMilliseconds:F0} ms");
        if (!warm.Succeeded)
        {
            Console.Error.WriteLine(warm.Describe());
            return 1;
        }

        var warmDotnet = await DotnetBuildAsync(agent, Path.Combine(work.Path, "warm-dotnet"), restoreSeparately: false);
        Console.WriteLine($"first dotnet build (not counted): {warmDotnet.TotalMilliseconds:F0} ms");

        var roslyn = new List<double>();
        var dotnet = new List<double>();
        var dotnetNoRestore = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var copy = CopyAgent(agent, Path.Combine(work.Path, $"roslyn-{round}", Path.GetFileName(agent)));
            var watch = Stopwatch.StartNew();
            var built = await builder.BuildAsync(copy, Path.Combine(work.Path, $"roslyn-{round}", "out"), CancellationToken.None);
            roslyn.Add(watch.Elapsed.TotalMilliseconds);
            if (!built.Succeeded)
            {
                Console.Error.WriteLine(built.Describe());
                return 1;
            }

            dotnet.Add((await DotnetBuildAsync(agent, Path.Combine(work.Path, $"dotnet-{round}"), restoreSeparately: false)).TotalMilliseconds);
            dotnetNoRestore.Add((await DotnetBuildAsync(agent, Path.Combine(work.Path, $"norestore-{round}"), restoreSeparately: true)).TotalMilliseconds);
            Console.WriteLine($"round {round + 1,2}: roslyn {roslyn[^1],7:F0} ms   dotnet build {dotnet[^1],7:F0} ms   dotnet build --no-restore {dotnetNoRestore[^1],7:F0} ms");
        }

        var median = Median(roslyn);
        Console.WriteLine();
        Console.WriteLine($"agent: {agent} ({Directory.GetFiles(agent, "*.cs", SearchOption.AllDirectories).Length} C# files), {rounds} rounds, {Environment.ProcessorCount} cores");
        Console.WriteLine($"median roslyn (AgentBuilder): {median:F0} ms");
        Console.WriteLine($"median dotnet build: {Median(dotnet):F0} ms   ratio {Median(dotnet) / median:F1}x");
        Console.WriteLine($"median dotnet build --no-restore: {Median(dotnetNoRestore):F0} ms   ratio {Median(dotnetNoRestore) / median:F1}x");
        return 0;
    }

    /// <summary>Copies the agent's sources to <paramref name="folder"/> with a project file that references the prebuilt SDK, and builds it.</summary>
    private static async Task<TimeSpan> DotnetBuildAsync(string agent, string folder, bool restoreSeparately)
    {
        var copy = CopyAgent(agent, folder);
        foreach (var project in Directory.GetFiles(copy, "*.csproj"))
        {
            File.Delete(project);
        }

        File.WriteAllText(Path.Combine(copy, "agent.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net{Environment.Version.Major}.{Environment.Version.Minor}</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <AssemblyName>agent</AssemblyName>
                <Configuration>Release</Configuration>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="Evolver.Agents.Sdk" HintPath="{typeof(AgentHost).Assembly.Location}" />
              </ItemGroup>
            </Project>
            """);
        if (restoreSeparately)
        {
            var restore = await ProcessRunner.RunAsync("dotnet", ["restore", "-nologo", "-v:q"], copy);
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet restore failed: " + restore.Output);
            }
        }

        string[] arguments = restoreSeparately ? ["build", "-nologo", "-v:q", "--no-restore"] : ["build", "-nologo", "-v:q"];
        var (exit, output, elapsed) = await ProcessRunner.RunAsync("dotnet", arguments, copy);
        if (exit != 0)
        {
            throw new InvalidOperationException("dotnet build failed: " + output);
        }

        return elapsed;
    }

    private static string CopyAgent(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
