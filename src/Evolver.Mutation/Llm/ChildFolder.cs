using System.Text;
using Evolver.Core;

namespace Evolver.Mutation;

/// <summary>Reads a parent agent's folder and writes a child's: the parent's files, with the edited ones replaced.</summary>
internal static class ChildFolder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Checks a request to a single-parent mutator: throws unless its output folder is missing or empty, as
    /// <see cref="MutationRequest.OutputDirectory"/> requires; returns the failure to report when it has other than one parent.
    /// </summary>
    /// <exception cref="ArgumentException">The output folder holds files.</exception>
    public static MutationResult? CheckSingleParent(MutationRequest request, string mutator)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.OutputDirectory);
        if (Directory.Exists(request.OutputDirectory) && Directory.EnumerateFileSystemEntries(request.OutputDirectory).Any())
        {
            throw new ArgumentException($"the child's folder {request.OutputDirectory} is not empty", nameof(request));
        }

        return request.Parents.Count == 1 ? null : MutationResult.Failure($"the {mutator} mutator takes one parent, not {request.Parents.Count}");
    }

    /// <summary>The folder's source files that are UTF-8 text, by relative path (what <see cref="AgentSourceFiles.FindAll"/> lists).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadTextFilesAsync(string directory, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in AgentSourceFiles.FindAll(directory))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(directory, file), cancellationToken).ConfigureAwait(false);
            try
            {
                files[file] = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Not text: copied as it is, never shown to the model or edited.
            }
        }

        return files;
    }

    /// <summary>Copies every source file of <paramref name="parent"/> to <paramref name="child"/>, then writes the files <paramref name="applier"/> changed.</summary>
    public static async Task WriteAsync(string parent, string child, EditApplier applier, CancellationToken cancellationToken)
    {
        CopySource(parent, child);
        foreach (var path in applier.Changed)
        {
            var target = Path.Combine(child, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, applier.Files[path], StrictUtf8, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Copies the source files of <paramref name="from"/> (no build output, no hidden folders) into <paramref name="to"/>.</summary>
    public static void CopySource(string from, string to)
    {
        foreach (var file in AgentSourceFiles.FindAll(from))
        {
            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(from, file), target, overwrite: true);
        }
    }
}
