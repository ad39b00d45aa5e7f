using System.Text.Json;
using Evolver.Core;

namespace Evolver.Suites;

/// <summary>
/// Where an import builds its suite, next to the output folder: <c>.&lt;name&gt;.importing/</c>. Each task is built in
/// <c>staging/&lt;id&gt;</c> and moved to <c>tasks/&lt;id&gt;</c> only when complete, with its outcome and input hash in
/// <c>state/&lt;id&gt;.json</c>; an interrupted import rerun over the same inputs picks up the finished tasks. At the end the
/// whole folder replaces the output folder by renames, so readers see the old suite or the new one, never a mix.
/// </summary>
internal sealed class ImportWorkspace
{
    public ImportWorkspace(string outDirectory)
    {
        Out = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDirectory));
        var parent = Path.GetDirectoryName(Out) ?? throw new ArgumentException("the output folder cannot be a file-system root", nameof(outDirectory));
        Root = Path.Combine(parent, "." + Path.GetFileName(Out) + ".importing");
    }

    /// <summary>The suite folder to write.</summary>
    public string Out { get; }

    /// <summary>The work folder, a sibling of <see cref="Out"/> so that moving it into place is a rename.</summary>
    public string Root { get; }

    private string Tasks => Path.Combine(Root, "tasks");

    private string State => Path.Combine(Root, "state");

    private string Staging => Path.Combine(Root, "staging");

    /// <summary>Why <see cref="Out"/> may not be replaced, or null: it must be missing, empty, or a suite.</summary>
    public string? CheckOut()
    {
        if (!Directory.Exists(Out) || !Directory.EnumerateFileSystemEntries(Out).Any() || File.Exists(Path.Combine(Out, "suite.json")))
        {
            return null;
        }

        return $"'{Out}' exists and is not a suite (no suite.json); refusing to replace it. Choose another --out or empty it.";
    }

    /// <summary>Creates the work folder, keeping finished tasks of an interrupted run and dropping half-built ones.</summary>
    public void Open()
    {
        FileTree.DeleteDirectory(Staging);
        Directory.CreateDirectory(Tasks);
        Directory.CreateDirectory(State);
        Directory.CreateDirectory(Staging);
    }

    /// <summary>An empty staging folder for task <paramref name="id"/>.</summary>
    public string Stage(string id)
    {
        var dir = Path.Combine(Staging, id);
        FileTree.DeleteDirectory(dir);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The outcome recorded for <paramref name="id"/> by an earlier run over the same inputs, or null.</summary>
    public ImportedTask? Reuse(string id, string inputHash)
    {
        var file = Path.Combine(State, id + ".json");
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var state = doc.RootElement;
            if (state.GetProperty("input").GetString() != inputHash
                || !Enum.TryParse<ImportStatus>(state.GetProperty("status").GetString(), out var status)
                || (status == ImportStatus.Imported && !File.Exists(Path.Combine(Tasks, id, "task.json"))))
            {
                return null;
            }

            return new ImportedTask
            {
                InstanceId = id,
                Status = status,
                Reason = state.GetProperty("reason").GetString() ?? "",
                FailToPass = state.GetProperty("fail_to_pass").GetInt32(),
                PassToPass = state.GetProperty("pass_to_pass").GetInt32(),
                Reused = true,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Moves a finished task into place (or drops a skipped one) and records its outcome for reruns.</summary>
    public void Commit(string staged, string inputHash, ImportedTask result)
    {
        var target = Path.Combine(Tasks, result.InstanceId);
        FileTree.DeleteDirectory(target);
        if (result.Status == ImportStatus.Imported)
        {
            Directory.Move(staged, target);
        }
        else
        {
            FileTree.DeleteDirectory(staged);
        }

        var file = Path.Combine(State, result.InstanceId + ".json");
        using (var stream = File.Create(file + ".tmp"))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("input", inputHash);
            json.WriteString("status", result.Status.ToString());
            json.WriteString("reason", result.Reason);
            json.WriteNumber("fail_to_pass", result.FailToPass);
            json.WriteNumber("pass_to_pass", result.PassToPass);
            json.WriteEndObject();
        }

        File.Move(file + ".tmp", file, overwrite: true);
    }

    /// <summary>Drops a staging folder whose task could not be finished this time.</summary>
    public static void Discard(string staged) => FileTree.DeleteDirectory(staged);

    /// <summary>
    /// Writes suite.json and the licence, keeps exactly the <paramref name="imported"/> tasks, checks the result loads
    /// as a valid suite, and swaps it in for <see cref="Out"/>. Returns the loader's problems, if any, without swapping.
    /// </summary>
    public string? Publish(IUpstreamFormat format, string version, string? licenseFile, IReadOnlySet<string> imported)
    {
        foreach (var dir in Directory.GetDirectories(Tasks).Where(d => !imported.Contains(Path.GetFileName(d))))
        {
            FileTree.DeleteDirectory(dir);
        }

        SuiteJson.WriteSuite(Path.Combine(Root, "suite.json"), format, version);
        if (licenseFile is not null)
        {
            FileTree.Copy(licenseFile, Path.Combine(Root, "LICENSE"));
        }

        var loaded = SuiteLoader.Load(Root, requireGoldPatch: true);
        if (!loaded.IsValid)
        {
            return "the converted suite does not load:\n" + loaded.Describe();
        }

        FileTree.DeleteDirectory(State);
        FileTree.DeleteDirectory(Staging);
        var old = Root + ".old";
        FileTree.DeleteDirectory(old);
        if (Directory.Exists(Out))
        {
            Directory.Move(Out, old);
        }

        Directory.Move(Root, Out);
        FileTree.DeleteDirectory(old);
        return null;
    }
}
