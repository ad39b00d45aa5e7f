using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Evolver.Core;
using Evolver.Sandbox;
using Serilog;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>
/// The harness check a run makes before it evolves anything, as SWE-bench validates its harness: on the run's own tasks
/// <c>gold</c> must resolve every task and <c>empty</c> none, or a night's scores would measure a broken sandbox, image
/// or suite. A passed check is remembered under <c>.evolver/harness-checks/</c>, keyed by the suite's content, the
/// run's task ids, the image definitions and the sandbox build, so it is redone only when one of them changes.
/// </summary>
internal static class HarnessCheck
{
    /// <summary>Checks every suite (from the record when one matches); prints one line per suite.</summary>
    /// <returns>0 when every suite passed; otherwise the validation's exit code, after saying what failed.</returns>
    public static async Task<int> RunAsync(
        CliEnvironment env, ILogger log, ISandbox sandbox, IReadOnlyList<SuiteSpec> suites, int parallel, string logFile, CancellationToken ct)
    {
        var goldless = suites.SelectMany(s => s.Tasks.Where(t => t.GoldPatchPath is null).Select(t => $"{s.Name}/{t.InstanceId}")).ToList();
        if (goldless.Count > 0)
        {
            env.Error.WriteLine($"error: the harness check runs each task's gold.patch, and {goldless.Count} task(s) have none ({string.Join(", ", goldless.Take(5))}"
                + $"{(goldless.Count > 5 ? ", ..." : "")}): add them, or start the run without the check (evolver run without --check-harness).");
            return ExitCodes.Usage;
        }

        var pending = new List<SuiteSpec>();
        var keys = new Dictionary<SuiteSpec, string>();
        foreach (var suite in suites)
        {
            keys[suite] = await KeyAsync(env, suite, ct).ConfigureAwait(false);
            if (await RecordedAsync(env, suite, keys[suite], ct).ConfigureAwait(false) is { } recorded)
            {
                env.Console.WriteLine($"harness check, {suite.Name}: gold {recorded["gold_resolved"]}/{suite.Tasks.Count}, empty {recorded["empty_resolved"]}/{suite.Tasks.Count}: PASS "
                    + $"(recorded {recorded["checked_at"]} for these tasks, images and sandbox; evolver validate checks again)");
            }
            else
            {
                pending.Add(suite);
            }
        }

        if (pending.Count == 0)
        {
            return ExitCodes.Success;
        }

        env.Console.WriteLine($"harness check: gold must resolve every task and empty none, on the {pending.Sum(s => s.Tasks.Count)} task(s) of {string.Join(", ", pending.Select(s => s.Name))}");
        var validations = await ValidationRun.ValidateAsync(env, log, sandbox, pending, parallel, ct).ConfigureAwait(false);
        var code = ValidationRun.Report(env, validations, logFile);
        foreach (var passed in validations.Where(v => v.Passed))
        {
            await RecordAsync(env, passed, keys[passed.Suite], ct).ConfigureAwait(false);
        }

        if (code != ExitCodes.Success)
        {
            env.Error.WriteLine("error: the run did not start: its harness check failed (see above), so its scores would not mean what they say.");
        }

        return code;
    }

    private static async Task<string> KeyAsync(CliEnvironment env, SuiteSpec suite, CancellationToken ct)
    {
        var parts = new StringBuilder()
            .Append("suite ").Append(await ContentHash.OfDirectoryAsync(suite.Directory, ct).ConfigureAwait(false)).Append('\n')
            .Append("tasks ").AppendJoin(' ', suite.Tasks.Select(t => t.InstanceId).Order(StringComparer.Ordinal)).Append('\n')
            .Append("sandbox ").Append(typeof(DockerSandbox).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        if (env.Repo is { } repo && Directory.Exists(Path.Combine(repo.Root, "docker")))
        {
            parts.Append("images ").Append(await ContentHash.OfDirectoryAsync(Path.Combine(repo.Root, "docker"), ct).ConfigureAwait(false)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts.ToString())));
    }

    private static string? RecordFile(CliEnvironment env, string key) =>
        env.Repo is { } repo ? Path.Combine(repo.Root, ".evolver", "harness-checks", key[..16] + ".json") : null;

    private static async Task<JsonObject?> RecordedAsync(CliEnvironment env, SuiteSpec suite, string key, CancellationToken ct)
    {
        if (RecordFile(env, key) is not { } file || !File.Exists(file))
        {
            return null;
        }

        try
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false)) as JsonObject;
            return json?["key"]?.GetValue<string>() == key && json["passed"]?.GetValue<bool>() == true ? json : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            // A damaged record only costs a new check.
            return null;
        }
    }

    private static async Task RecordAsync(CliEnvironment env, SuiteValidation validation, string key, CancellationToken ct)
    {
        if (RecordFile(env, key) is not { } file)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var record = new JsonObject
        {
            ["key"] = key,
            ["suite"] = validation.Suite.Name,
            ["tasks"] = validation.Suite.Tasks.Count,
            ["gold_resolved"] = validation.Gold.ResolvedCount,
            ["empty_resolved"] = validation.Empty.ResolvedCount,
            ["passed"] = validation.Passed,
            ["checked_at"] = env.Time.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        };
        var temp = file + ".tmp";
        await File.WriteAllTextAsync(temp, record.ToJsonString(), ct).ConfigureAwait(false);
        File.Move(temp, file, overwrite: true);
    }
}
