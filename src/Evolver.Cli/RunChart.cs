using System.Globalization;
using Evolver.Core;

namespace Evolver.Cli;

/// <summary>
/// The score-over-iterations plot of a run, drawn pixel by pixel: one dot per finished job in finishing order (blue
/// admitted, grey not), the best admitted score so far as a green step line, and the seed's score as an orange dashed
/// line; score 0 to 1 upwards, labelled with a tiny built-in digit font.
/// </summary>
internal sealed class RunChart
{
    private const int Left = 44, Right = 16, Top = 16, Bottom = 30;

    private static readonly (byte R, byte G, byte B) White = (255, 255, 255), Grid = (225, 225, 225), Axis = (90, 90, 90),
        Admitted = (31, 119, 180), Rejected = (170, 170, 170), BestLine = (44, 160, 44), SeedLine = (255, 127, 14);

    // 3x5 glyphs, one row of three bits per entry, top row first.
    private static readonly Dictionary<char, int[]> Glyphs = new()
    {
        ['0'] = [7, 5, 5, 5, 7], ['1'] = [2, 6, 2, 2, 7], ['2'] = [7, 1, 7, 4, 7], ['3'] = [7, 1, 7, 1, 7], ['4'] = [5, 5, 7, 1, 1],
        ['5'] = [7, 4, 7, 1, 7], ['6'] = [7, 4, 7, 5, 7], ['7'] = [7, 1, 1, 1, 1], ['8'] = [7, 5, 7, 5, 7], ['9'] = [7, 5, 7, 1, 7],
        ['.'] = [0, 0, 0, 0, 2],
    };

    private readonly int width;
    private readonly int height;
    private readonly byte[] pixels;

    private RunChart(int width, int height)
    {
        this.width = width;
        this.height = height;
        pixels = new byte[width * height * 3];
        Fill(0, 0, width, height, White);
    }

    /// <summary>The plot of <paramref name="history"/> as PNG bytes.</summary>
    public static byte[] Render(IReadOnlyList<RunHistoryEntry> history, int width = 800, int height = 400)
    {
        var chart = new RunChart(width, height);
        chart.Draw(history);
        return RunPng.Encode(width, height, chart.pixels);
    }

    private int PlotWidth => width - Left - Right;

    private int PlotHeight => height - Top - Bottom;

    private void Draw(IReadOnlyList<RunHistoryEntry> history)
    {
        foreach (var q in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            HLine(Left, Left + PlotWidth, Y(q), q == 0 ? Axis : Grid);
        }

        VLine(Left, Top, Top + PlotHeight, Axis);
        foreach (var (label, q) in new[] { ("0", 0.0), ("0.5", 0.5), ("1", 1.0) })
        {
            Text(label, Left - 6 - (8 * label.Length), Y(q) - 5);
        }

        var last = Math.Max(1, history.Count - 1);
        Text("0", X(0, last) - 2, Top + PlotHeight + 8);
        Text(last.ToString(CultureInfo.InvariantCulture), X(last, last) - 8, Top + PlotHeight + 8);

        var seeds = history.Where(h => h.Kind == ChildKind.Seed && h.Status == VariantStatus.Evaluated).ToList();
        if (seeds.Count > 0)
        {
            var y = Y(seeds.Max(s => s.Score));
            for (var x = Left; x < Left + PlotWidth; x += 10)
            {
                HLine(x, Math.Min(x + 5, Left + PlotWidth), y, SeedLine);
            }
        }

        double? best = null;
        (int X, int Y)? previous = null;
        for (var i = 0; i < history.Count; i++)
        {
            var h = history[i];
            var x = X(i, last);
            if (h.Admitted && (best is null || h.Score > best))
            {
                best = h.Score;
            }

            if (best is { } b)
            {
                var point = (x, Y(b));
                if (previous is { } p)
                {
                    HLine(p.X, point.x, p.Y, BestLine, thick: true);
                    VLine(point.x, Math.Min(p.Y, point.Item2), Math.Max(p.Y, point.Item2), BestLine, thick: true);
                }

                previous = point;
            }

            var size = h.Admitted ? 3 : 2;
            Fill(x - size, Y(h.Score) - size, 2 * size + 1, 2 * size + 1, h.Admitted ? Admitted : Rejected);
        }
    }

    private int X(int index, int last) => Left + 4 + (int)Math.Round((double)index / last * (PlotWidth - 8));

    private int Y(double score) => Top + (int)Math.Round((1 - Math.Clamp(score, 0, 1)) * PlotHeight);

    private void Text(string text, int x, int y)
    {
        foreach (var c in text)
        {
            if (Glyphs.TryGetValue(c, out var rows))
            {
                for (var r = 0; r < 5; r++)
                {
                    for (var col = 0; col < 3; col++)
                    {
                        if ((rows[r] >> (2 - col) & 1) != 0)
                        {
                            Fill(x + (col * 2), y + (r * 2), 2, 2, Axis);
                        }
                    }
                }
            }

            x += 8;
        }
    }

    private void HLine(int x0, int x1, int y, (byte, byte, byte) colour, bool thick = false) =>
        Fill(Math.Min(x0, x1), thick ? y - 1 : y, Math.Abs(x1 - x0) + 1, thick ? 3 : 1, colour);

    private void VLine(int x, int y0, int y1, (byte, byte, byte) colour, bool thick = false) =>
        Fill(thick ? x - 1 : x, y0, thick ? 3 : 1, y1 - y0 + 1, colour);

    private void Fill(int x, int y, int w, int h, (byte R, byte G, byte B) colour)
    {
        for (var yy = Math.Max(0, y); yy < Math.Min(height, y + h); yy++)
        {
            for (var xx = Math.Max(0, x); xx < Math.Min(width, x + w); xx++)
            {
                var at = ((yy * width) + xx) * 3;
                (pixels[at], pixels[at + 1], pixels[at + 2]) = colour;
            }
        }
    }
}
