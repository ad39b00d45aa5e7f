using System.Text;

namespace Evolver.Sandbox;

/// <summary>Collects process output up to a cap, keeping the head and a tail so both ends stay readable.</summary>
internal sealed class BoundedOutput(long cap)
{
    private const int TailBytes = 16 * 1024;
    private readonly MemoryStream head = new();
    private readonly byte[] tail = new byte[TailBytes];
    private long tailWritten;

    /// <summary>All bytes seen.</summary>
    public long Total { get; private set; }

    /// <summary>True when bytes beyond the cap were dropped from the head.</summary>
    public bool Truncated => Total > head.Length;

    /// <summary>Adds a chunk.</summary>
    public void Append(ReadOnlySpan<byte> chunk)
    {
        Total += chunk.Length;
        var room = (int)Math.Max(0, Math.Min(cap - head.Length, chunk.Length));
        head.Write(chunk[..room]);
        foreach (var b in chunk)
        {
            tail[tailWritten++ % TailBytes] = b;
        }
    }

    /// <summary>The kept head as text (the whole output when not truncated).</summary>
    public string Text() => Encoding.UTF8.GetString(head.GetBuffer(), 0, (int)head.Length);

    /// <summary>The kept head as raw bytes.</summary>
    public byte[] Bytes() => head.ToArray();

    /// <summary>The last bytes of the output as text, at most <paramref name="maxChars"/> characters.</summary>
    public string Tail(int maxChars = 4000)
    {
        var n = (int)Math.Min(tailWritten, TailBytes);
        var bytes = new byte[n];
        for (var i = 0; i < n; i++)
        {
            bytes[i] = tail[(tailWritten - n + i) % TailBytes];
        }

        var text = Encoding.UTF8.GetString(bytes);
        return text.Length <= maxChars ? text : text[^maxChars..];
    }
}
