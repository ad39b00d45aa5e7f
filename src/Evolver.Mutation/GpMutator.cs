using System.Text;
using Evolver.Core;
using Microsoft.CodeAnalysis;

namespace Evolver.Mutation;

/// <summary>
/// The offline mutator: Roslyn structural operators on the parent's source (<see cref="GpOperator"/>), or crossover of
/// members when given two parents. Every choice comes from <see cref="MutationRequest.Seed"/>, so the same seed and
/// parents give the same child, byte for byte. Protected code (the entry contract and members marked
/// <c>// evolver:protected</c>) is never a site. The child is validated against the first parent with
/// <see cref="AgentValidator"/>; up to <see cref="GpMutatorOptions.MaxAttempts"/> children are drawn until one is valid.
/// </summary>
public sealed class GpMutator : IMutator
{
    /// <summary>The per-request option (<see cref="MutationRequest.Options"/>) naming the operators to draw from, comma-separated.</summary>
    public const string OperatorsOption = "operators";

    /// <summary>
    /// The per-request option giving the agent's time limit per task, in seconds. With it, when the first parent's
    /// evaluation lost tasks near that limit, the <c>constant</c> operator shrinks a time knob (see the README).
    /// </summary>
    public const string TimeLimitOption = "time_limit_seconds";

    private readonly GpMutatorOptions options;
    private readonly AgentValidator validator;
    private readonly string referenceDirectory;

    /// <summary>Creates the mutator.</summary>
    /// <param name="options">Settings, validated here.</param>
    /// <param name="validator">Validates each child against its parent.</param>
    /// <param name="builderOptions">The build settings children compile with; the call-swap operator binds names against the same references.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public GpMutator(GpMutatorOptions options, AgentValidator validator, AgentBuilderOptions builderOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(builderOptions);
        options.Validate();
        builderOptions.Validate();
        this.options = options;
        this.validator = validator;
        referenceDirectory = builderOptions.ReferenceAssembliesDirectory ?? FrameworkReferences.DefaultReferenceDirectory;
    }

    /// <inheritdoc />
    public string Name => "gp";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The output folder exists and is not empty.</exception>
    /// <exception cref="DirectoryNotFoundException">A parent folder does not exist.</exception>
    public async Task<MutationResult> MutateAsync(MutationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = Path.GetFullPath(request.OutputDirectory);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw new ArgumentException($"the output folder {output} is not empty", nameof(request));
        }

        if (request.Parents.Count is not (1 or 2))
        {
            return MutationResult.Failure($"gp takes one parent, or two for crossover; got {request.Parents.Count}");
        }

        if (!TryOperators(request, out var operators, out var problem) || !TryPressure(request, out var pressure, out problem))
        {
            return MutationResult.Failure(problem);
        }

        var first = await AgentSource.LoadAsync(request.Parents[0].SourceDirectory, parse: true, ct).ConfigureAwait(false);
        var second = request.Parents.Count == 2 ? await AgentSource.LoadAsync(request.Parents[1].SourceDirectory, parse: true, ct).ConfigureAwait(false) : null;
        if (first.Trees.Count == 0)
        {
            return MutationResult.Failure($"the parent {first.Directory} has no C# source to mutate");
        }

        var random = new Random(request.Seed);
        MutationResult? rejection = null;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            var (trees, changes) = second is null ? Mutate(first, operators, pressure, random, ct) : Cross(first, second, random);
            if (changes.Count == 0)
            {
                return MutationResult.Failure(second is null
                    ? "no operator found a place to change in the parent"
                    : "the parents share no member whose code differs, so crossover has nothing to exchange");
            }

            var description = $"gp (seed {request.Seed}{(attempt > 1 ? $", draw {attempt}" : "")}):" + string.Concat(changes.Select(c => "\n- " + c));
            await WriteChildAsync(first, trees, output, ct).ConfigureAwait(false);
            var validation = await validator.ValidateAsync(output, first.Directory, ct).ConfigureAwait(false);
            if (validation.IsValid)
            {
                return MutationResult.Success(output, description, validation.Diagnostics);
            }

            rejection = MutationResult.Rejection(output, description, validation.Summary, validation.Diagnostics, validation.Flags);
        }

        return rejection!;
    }

    private (SortedDictionary<string, SyntaxTree> Trees, List<string> Changes) Mutate(
        AgentSource parent, IReadOnlyList<GpOperator> operators, GpPressure? pressure, Random random, CancellationToken ct)
    {
        var trees = Trees(parent);
        var changes = new List<string>();
        var count = random.Next(1, options.MaxOperators + 1);
        for (var k = 0; k < count; k++)
        {
            ct.ThrowIfCancellationRequested();
            // Draw an operator, then one of its sites; operators without a site are dropped and the draw repeated.
            var remaining = operators.ToList();
            List<GpSite> sites = [];
            while (remaining.Count > 0 && sites.Count == 0)
            {
                var op = remaining[random.Next(remaining.Count)];
                remaining.Remove(op);
                sites = Sites(op, trees, pressure, random);
            }

            if (sites.Count == 0)
            {
                break;
            }

            var site = GpSite.Draw(sites, random);
            Apply(trees, site);
            changes.Add(site.Description);
        }

        return (trees, changes);
    }

    private static (SortedDictionary<string, SyntaxTree> Trees, List<string> Changes) Cross(AgentSource first, AgentSource second, Random random)
    {
        var trees = Trees(first);
        var sites = GpCrossover.Sites(trees, Trees(second));
        if (sites.Count == 0)
        {
            return (trees, []);
        }

        var site = sites[random.Next(sites.Count)];
        Apply(trees, site);
        return (trees, [site.Description]);
    }

    private List<GpSite> Sites(GpOperator op, SortedDictionary<string, SyntaxTree> trees, GpPressure? pressure, Random random)
    {
        if (op == GpOperator.Constant && pressure is not null
            && trees.SelectMany(t => GpTimePressure.Sites(t.Key, t.Value.GetRoot(), random, pressure.Why)).ToList() is { Count: > 0 } knobs)
        {
            return GpTimePressure.Weigh(knobs, pressure.Weights, pressure.Why);
        }

        if (op == GpOperator.SwapCall)
        {
            var compilation = AgentCompiler.Compile(trees.Values, FrameworkReferences.Get(referenceDirectory));
            var own = GpCallSwaps.OwnMethods(compilation, trees.Values);
            return trees.SelectMany(t => GpCallSwaps.Sites(t.Key, t.Value.GetRoot(), compilation.GetSemanticModel(t.Value), own, random)).ToList();
        }

        return trees.SelectMany(t => op switch
        {
            GpOperator.Literal => GpExpressionOperators.Literals(t.Key, t.Value.GetRoot(), random),
            GpOperator.Constant => GpExpressionOperators.Constants(t.Key, t.Value.GetRoot(), random),
            GpOperator.Condition => GpExpressionOperators.Conditions(t.Key, t.Value.GetRoot(), random),
            GpOperator.DeleteStatement => GpStatementOperators.Deletions(t.Key, t.Value.GetRoot()),
            GpOperator.DuplicateStatement => GpStatementOperators.Duplications(t.Key, t.Value.GetRoot()),
            GpOperator.SwapStatements => GpStatementOperators.Swaps(t.Key, t.Value.GetRoot()),
            _ => [],
        }).ToList();
    }

    private static SortedDictionary<string, SyntaxTree> Trees(AgentSource source) =>
        new(source.Trees.ToDictionary(t => t.FilePath, StringComparer.Ordinal), StringComparer.Ordinal);

    private static void Apply(SortedDictionary<string, SyntaxTree> trees, GpSite site)
    {
        var tree = trees[site.File];
        trees[site.File] = tree.WithRootAndOptions(tree.GetRoot().ReplaceNode(site.Old, site.New), tree.Options);
    }

    /// <summary>Writes the parent's files to <paramref name="output"/>, the changed C# files from their trees and the rest byte for byte.</summary>
    private static async Task WriteChildAsync(AgentSource parent, SortedDictionary<string, SyntaxTree> trees, string output, CancellationToken ct)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var original = parent.Trees.ToDictionary(t => t.FilePath, StringComparer.Ordinal);
        foreach (var file in parent.Files)
        {
            var target = Path.Combine(output, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (trees.TryGetValue(file, out var tree) && !ReferenceEquals(tree, original[file]))
            {
                await File.WriteAllTextAsync(target, (await tree.GetRootAsync(ct).ConfigureAwait(false)).ToFullString(), new UTF8Encoding(false), ct).ConfigureAwait(false);
            }
            else
            {
                File.Copy(Path.Combine(parent.Directory, file), target);
            }
        }
    }

    /// <summary>
    /// Reads <see cref="TimeLimitOption"/>: <paramref name="pressure"/> says why time knobs are favoured (for the
    /// description) and what the parent's time profile says of them, or is null when the option is absent or the
    /// parent lost no task near the limit.
    /// </summary>
    private static bool TryPressure(MutationRequest request, out GpPressure? pressure, out string problem)
    {
        pressure = null;
        problem = "";
        if (!request.Options.TryGetValue(TimeLimitOption, out var text))
        {
            return true;
        }

        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var limit) || !(limit > 0))
        {
            problem = $"option {TimeLimitOption}: '{text}' is not a positive number of seconds";
            return false;
        }

        var evaluation = request.Parents[0].Evaluation;
        var lost = GpTimePressure.LostNearLimit(evaluation, limit);
        pressure = lost > 0
            ? new GpPressure($"time knob: the parent lost {lost} task(s) near its {text} s limit", TimeKnobWeights.From(evaluation, limit))
            : null;
        return true;
    }

    private bool TryOperators(MutationRequest request, out IReadOnlyList<GpOperator> operators, out string problem)
    {
        operators = options.Operators;
        problem = "";
        if (!request.Options.TryGetValue(OperatorsOption, out var names))
        {
            return true;
        }

        var parsed = new List<GpOperator>();
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<GpOperator>(name.Replace("-", ""), ignoreCase: true, out var op) || op == GpOperator.Crossover || !Enum.IsDefined(op))
            {
                problem = $"option {OperatorsOption}: '{name}' is not a single-parent gp operator ({string.Join(", ", Enum.GetNames<GpOperator>().Where(n => n != nameof(GpOperator.Crossover)))})";
                return false;
            }

            parsed.Add(op);
        }

        operators = parsed.Distinct().ToList();
        return operators.Count > 0 || Fail(out problem);

        static bool Fail(out string why)
        {
            why = $"option {OperatorsOption} names no operator";
            return false;
        }
    }
}
