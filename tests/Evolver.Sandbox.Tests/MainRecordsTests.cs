using System.Text;
using Xunit;

namespace Evolver.Sandbox.Tests;

/// <summary>The records a container's main process answers with on stderr.</summary>
public sealed class MainRecordsTests
{
    private const string Nonce = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void TryParse_RecordsBetweenStrayText_ReturnsEachRecordsBytes()
    {
        var stderr = Bytes($"tar: stray warning\n{Nonce} exit 2\n0\n{Nonce} results 5\nab\ncd{Nonce} end 0\n");

        var records = MainRecords.TryParse(stderr, Nonce);

        Assert.NotNull(records);
        Assert.Equal("0\n", records!.Text("exit"));
        Assert.Equal("ab\ncd", records.Text("results"));
        Assert.Null(records["apply"]);
    }

    [Fact]
    public void TryParse_BeforeTheEndRecord_ReturnsNull()
    {
        Assert.Null(MainRecords.TryParse(Bytes($"{Nonce} exit 2\n0\n"), Nonce));
        Assert.Null(MainRecords.TryParse(Bytes($"{Nonce} results 10\nabc"), Nonce));
        Assert.Null(MainRecords.TryParse(Bytes($"{Nonce} en"), Nonce));
    }

    [Fact]
    public void TryParse_AnotherNonce_IsNotARecord()
    {
        var forged = Bytes($"ffffffffffffffffffffffffffffffff exit 2\n0\nffffffffffffffffffffffffffffffff end 0\n");

        Assert.Null(MainRecords.TryParse(forged, Nonce));
    }

    [Fact]
    public void TryParse_RecordBodyHoldingAnEndHeader_IsReadAsBytes()
    {
        // The length decides where a record ends, so a body cannot end the answer early.
        var body = $"{Nonce} end 0\n";
        var stderr = Bytes($"{Nonce} report.json {body.Length}\n{body}{Nonce} end 0\n");

        var records = MainRecords.TryParse(stderr, Nonce);

        Assert.Equal(body, records!.Text("report.json"));
    }

    [Fact]
    public void TryParse_MalformedHeader_IsSkipped()
    {
        var stderr = Bytes($"{Nonce} exit lots\n{Nonce} end 0\n");

        var records = MainRecords.TryParse(stderr, Nonce);

        Assert.NotNull(records);
        Assert.Empty(records!.Names);
    }

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);
}
