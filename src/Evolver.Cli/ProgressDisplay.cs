using Spectre.Console;

namespace Evolver.Cli;

/// <summary>A live progress bar on a terminal; on a log or pipe, one line per finished item instead of a redrawn bar.</summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="run"/>, showing the updates it reports.</summary>
    /// <param name="console">Where progress is shown.</param>
    /// <param name="title">What runs, such as "gold on evolver".</param>
    /// <param name="run">The work; it reports updates through the action it is given, from any thread.</param>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string title, Func<IProgress<ProgressUpdate>, Task<T>> run)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await run(new CallbackProgress<ProgressUpdate>(u =>
            {
                if (u.Finished is not null)
                {
                    console.WriteLine($"[{u.Done}/{u.Total}] {u.Finished}");
                }
            })).ConfigureAwait(false);
        }

        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask(Markup.Escape(title), maxValue: 1);

                // The bar, percentage and clock need about 38 columns; a longer description would squeeze them off the line.
                var room = Math.Max(30, console.Profile.Width - 38);
                var result = await run(new CallbackProgress<ProgressUpdate>(u =>
                {
                    bar.MaxValue = Math.Max(u.Total, 1);
                    bar.Value = u.Done;
                    var text = $"{title}: {u.Status}";
                    bar.Description = Markup.Escape(text.Length > room ? text[..(room - 1)] + "…" : text);
                })).ConfigureAwait(false);
                bar.Value = bar.MaxValue;
                return result;
            }).ConfigureAwait(false);
    }
}
