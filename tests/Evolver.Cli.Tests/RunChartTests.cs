using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Evolver.Core;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>The score plot is a valid PNG (checked by decoding it here) that shows the points and the best-so-far line.</summary>
public sealed class RunChartTests
{
    private static readonly (byte, byte, byte) Blue = (31, 119, 180), Green = (44, 160, 44), Orange = (255, 127, 14), Grey = (170, 170, 170);

    [Fact]
    public void Encode_SmallImage_DecodesToTheSamePixelsWithValidChunks()
    {
        var rgb = new byte[5 * 3 * 3];
        for (var i = 0; i < rgb.Length; i++)
        {
            rgb[i] = (byte)(i * 7);
        }

        var png = Decode(RunPng.Encode(5, 3, rgb));

        Assert.Equal((5, 3), (png.Width, png.Height));
        Assert.Equal(rgb, png.Pixels);
    }

    [Fact]
    public void Crc32_KnownInput_MatchesZlib()
    {
        // crc32("123456789") = 0xCBF43926, the standard check value.
        Assert.Equal(0xCBF43926u, RunPng.Crc32("123456789"u8));
    }

    [Fact]
    public void Render_History_DrawsSeedLineAdmittedPointsAndBestLine()
    {
        RunHistoryEntry E(string id, ChildKind kind, double score, bool admitted) =>
            new() { Id = id, Kind = kind, Status = VariantStatus.Evaluated, Admitted = admitted, Score = score };
        var history = new[]
        {
            E("seed", ChildKind.Seed, 0.25, true), E("v0", ChildKind.Child, 0, false), E("v1", ChildKind.Child, 0.5, true), E("v2", ChildKind.Child, 0.75, true),
        };

        var png = Decode(RunChart.Render(history, 400, 200));

        Assert.Equal((400, 200), (png.Width, png.Height));
        var colours = png.Colours();
        Assert.Contains(Blue, colours);
        Assert.Contains(Green, colours);
        Assert.Contains(Orange, colours);
        Assert.Contains(Grey, colours);

        // The best line ends at 0.75: plot area from y=16 to y=170, so 0.75 is at y = 16 + 0.25 * 154 ≈ 54.
        var lastX = Enumerable.Range(0, 400).Last(x => png.At(x, 54) == Green || png.At(x, 54) == Blue);
        Assert.True(lastX > 350, $"the best line should reach the right edge at score 0.75, ends at x={lastX}");
    }

    private sealed record Image(int Width, int Height, byte[] Pixels)
    {
        public (byte, byte, byte) At(int x, int y) => (Pixels[((y * Width) + x) * 3], Pixels[((y * Width) + x) * 3 + 1], Pixels[((y * Width) + x) * 3 + 2]);

        public HashSet<(byte, byte, byte)> Colours() => [.. Enumerable.Range(0, Width * Height).Select(i => (Pixels[i * 3], Pixels[i * 3 + 1], Pixels[i * 3 + 2]))];
    }

    /// <summary>A decoder for what the encoder writes (RGB, 8 bits, filter 0), checking the signature and every chunk's CRC.</summary>
    private static Image Decode(byte[] file)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], file[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var at = 8;
        var types = new List<string>();
        while (at < file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var type = Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 8 + length)), RunPng.Crc32(data, RunPng.Crc32(Encoding.ASCII.GetBytes(type))));
            types.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal([8, 2, 0, 0, 0], data[8..].ToArray());
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        Assert.Equal(["IHDR", "IDAT", "IEND"], types);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        Assert.Equal(height * ((width * 3) + 1), raw.Length);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * ((width * 3) + 1)]);
            Array.Copy(raw, (y * ((width * 3) + 1)) + 1, pixels, y * width * 3, width * 3);
        }

        return new Image(width, height, pixels);
    }
}
