using System.Diagnostics;
using System.Text;
using Xunit;

namespace Evolver.Core.Tests;

/// <summary>The real git, run on real files under a root folder: git's own diffs and <c>git apply</c>.</summary>
internal sealed class GitWorkspace(string root)
{
    public Dictionary<string, (int Added, int Removed)> Numstat(string before, string after)
    {
        var output = Git(root, null, true, "diff", "--no-index", "--minimal", "--numstat", before, after);
        var counts = new Dictionary<string, (int, int)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            var name = Path.GetFileName(parts[2].Split("=> ").Last().TrimEnd('}'));
            counts[name] = (int.Parse(parts[0]), int.Parse(parts[1]));
        }

        return counts;
    }

    /// <summary>git's own diff of the two texts, without the index line git adds and with our path.</summary>
    public string Diff(string path, string before, string after)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, "gitdiff-" + Guid.NewGuid().ToString("N"))).FullName;
        Write(Path.Combine(dir, "a", path), before);
        Write(Path.Combine(dir, "b", path), after);
        var output = Git(dir, null, true, "-c", "core.quotePath=true", "diff", "--no-index", "--no-color", "a/" + path, "b/" + path);
        var lines = output.Split('\n').Where(l => !l.StartsWith("index ", StringComparison.Ordinal));
        return string.Join('\n', lines).Replace("a/a/", "a/").Replace("b/b/", "b/");
    }

    public void AssertApplies(string path, string? before, string? after, string diff)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, "apply-" + Guid.NewGuid().ToString("N"))).FullName;
        var file = Path.Combine(dir, path);
        if (before is not null)
        {
            Write(file, before);
        }

        Git(dir, diff, "apply", "--check", "-");
        Git(dir, diff, "apply", "-");
        if (after is null)
        {
            Assert.False(File.Exists(file), $"{path} should be deleted");
        }
        else
        {
            Assert.Equal(Encoding.UTF8.GetBytes(after), File.ReadAllBytes(file));
        }
    }

    public static void AssertSameTree(string expected, string actual)
    {
        string[] List(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(List(expected), List(actual));
        foreach (var file in List(expected))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), file);
        }
    }

    public static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static void Write(string file, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, Encoding.UTF8.GetBytes(text));
    }

    public static string Git(string dir, string? input, params string[] args) => Git(dir, input, false, args);

    public static string Git(string dir, string? input, bool allowExit1, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0 && !(allowExit1 && process.ExitCode == 1))
        {
            Assert.Fail($"git {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}\n--- patch ---\n{input}");
        }

        return stdout.Result;
    }
}
