using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Evolver.Mutation;

/// <summary>
/// What a child may not change: the SDK (never in the agent's folder, so the child may not declare its namespace or
/// shadow its types), the entry contract (the top-level statements or <c>Main</c> that call <c>AgentHost.RunAsync</c>),
/// and members whose leading comment holds <see cref="Marker"/>.
/// </summary>
internal static class ProtectedCode
{
    /// <summary>A comment holding this text (<c>// evolver:protected</c>) right before a member protects the whole member.</summary>
    public const string Marker = "evolver:protected";

    private const string SdkNamespace = "Evolver.Agents.Sdk";

    /// <summary>True when a comment in the leading trivia of <paramref name="member"/> (above its attributes too) holds <see cref="Marker"/>.</summary>
    public static bool IsMarked(MemberDeclarationSyntax member) =>
        member.GetLeadingTrivia().Any(t =>
            t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
                ? t.ToString().Contains(Marker, StringComparison.Ordinal)
                : false);

    /// <summary>
    /// The nodes that make up the entry contract, by syntax: the top-level statements when there are any, otherwise every
    /// static <c>Main</c> method.
    /// </summary>
    public static IReadOnlyList<SyntaxNode> EntryNodes(IEnumerable<SyntaxTree> trees)
    {
        var roots = trees.Select(t => t.GetRoot()).OfType<CompilationUnitSyntax>().ToList();
        var globals = roots.SelectMany(r => r.Members.OfType<GlobalStatementSyntax>()).ToList<SyntaxNode>();
        if (globals.Count > 0)
        {
            return globals;
        }

        return roots.SelectMany(r => r.DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(m => m.Identifier.Text == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword))
            .ToList<SyntaxNode>();
    }

    /// <summary>True when <paramref name="node"/> lies inside the entry contract or a marked member; mutators leave those alone.</summary>
    public static bool IsProtected(SyntaxNode node) =>
        node.AncestorsAndSelf().Any(n => n switch
        {
            GlobalStatementSyntax => true,
            MethodDeclarationSyntax m when m.Identifier.Text == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword) => true,
            MemberDeclarationSyntax m => IsMarked(m),
            _ => false,
        });

    /// <summary>Every protected-code rule <paramref name="child"/> breaks, compared with <paramref name="parent"/> when there is one.</summary>
    public static IEnumerable<ValidationIssue> Check(
        CSharpCompilation compilation, IReadOnlyList<SyntaxTree> child, IReadOnlyList<SyntaxTree>? parent, CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        CheckSdk(compilation, child, issues, cancellationToken);
        CheckEntry(compilation, child, parent, issues, cancellationToken);
        if (parent is not null)
        {
            CheckMarkedMembers(child, parent, issues);
        }

        return issues;
    }

    private static void CheckSdk(CSharpCompilation compilation, IReadOnlyList<SyntaxTree> child, List<ValidationIssue> issues, CancellationToken cancellationToken)
    {
        var sdkTypes = SdkTypeNames(compilation);
        foreach (var tree in child)
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var ns in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
            {
                var name = ns.Name.ToString().Replace(" ", "");
                if (name == SdkNamespace || name.StartsWith(SdkNamespace + ".", StringComparison.Ordinal))
                {
                    issues.Add(Issue(ns.Name, $"declares namespace {name}: the SDK is protected and cannot be added to or replaced"));
                }
            }

            foreach (var type in root.DescendantNodes().OfType<MemberDeclarationSyntax>())
            {
                var identifier = type switch
                {
                    BaseTypeDeclarationSyntax t => t.Identifier,
                    DelegateDeclarationSyntax d => d.Identifier,
                    _ => default,
                };
                if (identifier.Text.Length > 0 && sdkTypes.Contains(identifier.Text))
                {
                    issues.Add(Issue(identifier, $"declares type {identifier.Text}, which shadows the protected SDK type {SdkNamespace}.{identifier.Text}"));
                }
            }

            foreach (var alias in root.DescendantNodes().OfType<UsingDirectiveSyntax>().Where(u => u.Alias is not null))
            {
                var aliasName = alias.Alias!.Name.Identifier.Text;
                if (sdkTypes.Contains(aliasName))
                {
                    issues.Add(Issue(alias, $"aliases '{aliasName}', which shadows the protected SDK type {SdkNamespace}.{aliasName}"));
                }
            }
        }
    }

    private static void CheckEntry(
        CSharpCompilation compilation, IReadOnlyList<SyntaxTree> child, IReadOnlyList<SyntaxTree>? parent, List<ValidationIssue> issues, CancellationToken cancellationToken)
    {
        var entry = EntryNodes(child);
        if (entry.Count == 0)
        {
            issues.Add(new ValidationIssue(ValidationIssueKind.ProtectedEdit, "the entry contract is gone: no top-level statements and no static Main"));
            return;
        }

        var callsHost = entry.SelectMany(n => n.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()).Any(call =>
            compilation.GetSemanticModel(call.SyntaxTree).GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol
            {
                Name: "RunAsync", ContainingType: { Name: "AgentHost" } host,
            } && host.ContainingAssembly?.Name == SdkNamespace);
        if (!callsHost)
        {
            issues.Add(Issue(entry[0], "the entry point no longer calls Evolver.Agents.Sdk.AgentHost.RunAsync(agent, args)"));
        }

        if (parent is null)
        {
            return;
        }

        var before = EntryNodes(parent);
        var was = string.Join("\n", before.Select(MemberKeys.Text));
        var now = string.Join("\n", entry.Select(MemberKeys.Text));
        if (before.Count > 0 && was != now)
        {
            issues.Add(Issue(entry[0], "the entry contract changed: the top-level statements (or Main) must stay as in the parent"));
        }
    }

    private static void CheckMarkedMembers(IReadOnlyList<SyntaxTree> child, IReadOnlyList<SyntaxTree> parent, List<ValidationIssue> issues)
    {
        var childMembers = child.SelectMany(t => MemberKeys.All(t.GetRoot()))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Member, StringComparer.Ordinal);
        foreach (var (key, member) in parent.SelectMany(t => MemberKeys.All(t.GetRoot())).Where(p => IsMarked(p.Member)))
        {
            var where = Location(member);
            if (!childMembers.TryGetValue(key, out var now))
            {
                issues.Add(new ValidationIssue(ValidationIssueKind.ProtectedEdit, $"{where}: protected member {key} was removed or renamed"));
            }
            else if (!IsMarked(now))
            {
                issues.Add(Issue(now, $"protected member {key} lost its '// {Marker}' marker"));
            }
            else if (MemberKeys.Text(now) != MemberKeys.Text(member))
            {
                issues.Add(Issue(now, $"protected member {key} was changed"));
            }
        }
    }

    /// <summary>The names of the SDK's public types, which no agent type may take.</summary>
    private static HashSet<string> SdkTypeNames(CSharpCompilation compilation)
    {
        var sdk = compilation.SourceModule.ReferencedAssemblySymbols.FirstOrDefault(a => a.Name == SdkNamespace);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        if (sdk is not null)
        {
            pending.Push(sdk.GlobalNamespace);
        }

        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers().OfType<INamespaceOrTypeSymbol>())
            {
                if (member is INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public } type)
                {
                    names.Add(type.Name);
                }

                pending.Push(member);
            }
        }

        return names;
    }

    private static ValidationIssue Issue(SyntaxNode node, string message) => new(ValidationIssueKind.ProtectedEdit, $"{Location(node)}: {message}");

    private static ValidationIssue Issue(SyntaxToken token, string message) =>
        new(ValidationIssueKind.ProtectedEdit, $"{SourcePlace.Of(token.GetLocation())}: {message}");

    private static string Location(SyntaxNode node) => SourcePlace.Of(node.GetLocation());
}
