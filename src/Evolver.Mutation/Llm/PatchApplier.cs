using System.Diagnostics;

namespace Evolver.Mutation;

/// <summary>Applies a unified diff, as the sandbox takes it (<c>git diff --binary</c>, a/ and b/ prefixes), to a folder with <c>git apply</c>.</summary>
internal static class PatchApplier
{
    /// <summary>Null when the patch applied to <paramref name="directory"/>, else git's complaint.</summary>
    public static async Task<string?> ApplyAsync(string directory, string patch, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "apply", "--binary", "--whitespace=nowarn", "-" })
        {
            psi.ArgumentList.Add(argument);
        }

        // Outside a repository git apply works on plain files; these keep a user's git settings from changing that.
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Path.GetFullPath(directory));
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start git");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(patch.AsMemory(), cancellationToken).ConfigureAwait(false);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await stdout.ConfigureAwait(false);
        var errors = (await stderr.ConfigureAwait(false)).Trim();
        return process.ExitCode == 0 ? null : $"git apply failed ({process.ExitCode}): {errors}";
    }
}
