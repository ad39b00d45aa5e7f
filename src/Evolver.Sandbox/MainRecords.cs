using System.Text;

namespace Evolver.Sandbox;

/// <summary>
/// What a container's main process answers on stderr: records, each a header line <c>NONCE NAME LENGTH</c> and then
/// LENGTH bytes, closed by the record <c>end</c> of length 0. The nonce is new for every request and known only to
/// the harness and the main process, so stray text (an error of the shell itself) is skipped and cannot pass for a
/// record.
/// </summary>
internal sealed class MainRecords
{
    private readonly Dictionary<string, byte[]> records;

    private MainRecords(Dictionary<string, byte[]> records) => this.records = records;

    /// <summary>The record's bytes, or null when the main process sent none of that name.</summary>
    public byte[]? this[string name] => records.GetValueOrDefault(name);

    /// <summary>The record as text, or null.</summary>
    public string? Text(string name) => this[name] is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The names of the records, in no particular order.</summary>
    public IEnumerable<string> Names => records.Keys;

    /// <summary>The records for <paramref name="nonce"/> in <paramref name="stderr"/>, or null until their <c>end</c> record arrived.</summary>
    public static MainRecords? TryParse(ReadOnlySpan<byte> stderr, string nonce)
    {
        var mark = Encoding.ASCII.GetBytes(nonce + " ");
        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var at = 0;
        while (at < stderr.Length)
        {
            var start = stderr[at..].IndexOf(mark);
            if (start < 0)
            {
                return null;
            }

            start += at;
            var newline = stderr[start..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return null;
            }

            var header = Encoding.ASCII.GetString(stderr.Slice(start + mark.Length, newline - mark.Length)).Split(' ');
            var body = start + newline + 1;
            if (header.Length != 2 || !int.TryParse(header[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
            {
                at = body;
                continue;
            }

            if (header[0] == "end")
            {
                return new MainRecords(found);
            }

            if (stderr.Length - body < length)
            {
                return null;
            }

            found[header[0]] = stderr.Slice(body, length).ToArray();
            at = body + length;
        }

        return null;
    }
}
