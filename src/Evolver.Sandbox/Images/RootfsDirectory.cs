namespace Evolver.Sandbox;

/// <summary>
/// A fresh staging folder for the base root file system. Disposal deletes it in all cases, after unmounting anything a
/// failed debootstrap left mounted inside it (proc, sys), and never crosses into another file system. A folder that
/// cannot be deleted is reported, not thrown, so the build's own error is never masked.
/// </summary>
internal sealed class RootfsDirectory : IAsyncDisposable
{
    private readonly string parent;
    private readonly Action<string> onLine;

    private RootfsDirectory(string parent, Action<string> onLine)
    {
        this.parent = parent;
        this.onLine = onLine;
        Path = System.IO.Path.Combine(parent, "rootfs");
    }

    /// <summary>Where debootstrap writes (not yet created: debootstrap makes it).</summary>
    public string Path { get; }

    public static RootfsDirectory Create(string? workDirectory, Action<string> onLine)
    {
        var parent = workDirectory is null
            ? Directory.CreateTempSubdirectory("evolver-base-").FullName
            : Directory.CreateDirectory(System.IO.Path.Combine(workDirectory, "evolver-base-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        return new RootfsDirectory(parent, onLine);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var mount in MountsUnder(parent).OrderByDescending(m => m.Length))
        {
            await HostProcess.RunAsync("umount", ["-l", mount], onLine, CancellationToken.None).ConfigureAwait(false);
        }

        var left = MountsUnder(parent);
        if (left.Count > 0)
        {
            onLine($"warning: left {parent} in place: still mounted: {string.Join(", ", left)}");
            return;
        }

        // --one-file-system: a mount that appeared meanwhile is never descended into.
        var code = await HostProcess.RunAsync("rm", ["-rf", "--one-file-system", parent], onLine, CancellationToken.None).ConfigureAwait(false);
        if (code != 0 || Directory.Exists(parent))
        {
            onLine($"warning: could not delete the staging folder {parent} (rm exited {code})");
        }
    }

    private static List<string> MountsUnder(string dir)
    {
        var prefix = dir.TrimEnd('/') + "/";
        return File.ReadLines("/proc/self/mounts")
            .Select(l => l.Split(' '))
            .Where(f => f.Length > 1)
            .Select(f => f[1].Replace("\\040", " ", StringComparison.Ordinal))
            .Where(m => m.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
    }
}
