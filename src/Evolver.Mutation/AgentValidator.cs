using Microsoft.CodeAnalysis;

namespace Evolver.Mutation;

/// <summary>
/// Decides whether a child agent may be evaluated: it must be small enough, compile (with the same compiler settings
/// and references as <see cref="AgentBuilder"/>), leave protected code alone and use no banned API. Every broken rule is
/// recorded, not just the first. Nothing is written. Safe to use from several threads.
/// </summary>
/// <remarks>
/// Protected code: the SDK (a child may not declare <c>Evolver.Agents.Sdk</c> or a type or alias named like an SDK
/// type), the entry contract (the top-level statements or static <c>Main</c> must call <c>AgentHost.RunAsync</c> and,
/// when a parent is given, stay exactly as in the parent, layout and comments aside), and any member whose leading
/// comment holds <c>// evolver:protected</c> (it must stay, unchanged and still marked). Banned APIs are listed in
/// the Mutation README; they are matched on the compiler's symbols, so names, comments and strings never trigger them.
/// </remarks>
public sealed class AgentValidator
{
    private readonly ValidationOptions options;
    private readonly AgentBuilderOptions builderOptions;
    private readonly TimeProvider timeProvider;
    private readonly string referenceDirectory;

    /// <summary>Creates a validator.</summary>
    /// <param name="options">Size limits and allowed paths, validated here.</param>
    /// <param name="builderOptions">The build settings the child will be built with (reference assemblies, diagnostic cap), validated here.</param>
    /// <param name="timeProvider">Times each validation.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public AgentValidator(ValidationOptions options, AgentBuilderOptions builderOptions, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(builderOptions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        builderOptions.Validate();
        this.options = options;
        this.builderOptions = builderOptions;
        this.timeProvider = timeProvider;
        referenceDirectory = builderOptions.ReferenceAssembliesDirectory ?? FrameworkReferences.DefaultReferenceDirectory;
    }

    /// <summary>Validates the agent in <paramref name="childDirectory"/>, comparing its protected code with <paramref name="parentDirectory"/>.</summary>
    /// <param name="childDirectory">The child's source folder.</param>
    /// <param name="parentDirectory">The parent's source folder, or null for an agent without a parent (a seed): then the
    /// entry contract must only call <c>AgentHost.RunAsync</c> and there are no marked members to compare.</param>
    /// <param name="cancellationToken">Stops the validation.</param>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public async Task<ValidationResult> ValidateAsync(string childDirectory, string? parentDirectory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(childDirectory);
        var start = timeProvider.GetTimestamp();
        var issues = new List<ValidationIssue>();

        var listed = await AgentSource.LoadAsync(childDirectory, parse: false, cancellationToken).ConfigureAwait(false);
        if (listed.Files.Count > options.MaxFiles)
        {
            issues.Add(new ValidationIssue(ValidationIssueKind.TooLarge, $"the agent folder holds {listed.Files.Count} files; at most {options.MaxFiles} are allowed"));
        }

        if (listed.TotalBytes > options.MaxSourceBytes)
        {
            issues.Add(new ValidationIssue(ValidationIssueKind.TooLarge, $"the agent folder holds {listed.TotalBytes} bytes; at most {options.MaxSourceBytes} are allowed"));
        }

        // Far past the limit, compiling would only waste time on a child that is rejected anyway.
        if (listed.TotalBytes > 8 * options.MaxSourceBytes || listed.Files.Count > 8 * options.MaxFiles)
        {
            return new ValidationResult(issues, [], timeProvider.GetElapsedTime(start));
        }

        var child = await AgentSource.LoadAsync(childDirectory, parse: true, cancellationToken).ConfigureAwait(false);
        if (child.Trees.Count == 0)
        {
            issues.Add(new ValidationIssue(ValidationIssueKind.CompileError, $"no C# source file (*.cs) in {child.Directory}"));
            return new ValidationResult(issues, [], timeProvider.GetElapsedTime(start));
        }

        var parent = parentDirectory is null ? null : await AgentSource.LoadAsync(parentDirectory, parse: true, cancellationToken).ConfigureAwait(false);
        var compilation = AgentCompiler.Compile(child.Trees, FrameworkReferences.Get(referenceDirectory));
        var diagnostics = compilation.GetDiagnostics(cancellationToken);
        var errors = DiagnosticText.Format(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), builderOptions.MaxDiagnostics);
        issues.AddRange(errors.Select(e => new ValidationIssue(ValidationIssueKind.CompileError, e)));
        issues.AddRange(ProtectedCode.Check(compilation, child.Trees, parent?.Trees, cancellationToken));
        foreach (var tree in child.Trees)
        {
            var checker = new BannedApiChecker(compilation.GetSemanticModel(tree), options.AllowedPathRoots);
            issues.AddRange(checker.Check(cancellationToken));
        }

        var all = DiagnosticText.Format(diagnostics, builderOptions.MaxDiagnostics);
        return new ValidationResult(issues, all, timeProvider.GetElapsedTime(start));
    }
}
