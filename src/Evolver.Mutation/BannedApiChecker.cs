using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Evolver.Mutation;

/// <summary>
/// Finds banned API uses in one source file through its semantic model: every name and object creation is bound and
/// its symbol checked against <see cref="BannedApis"/>; file-system and HTTP calls with statically visible arguments are
/// checked for paths outside the allowed roots and hard-coded URLs; unsafe and native code is refused outright.
/// </summary>
internal sealed class BannedApiChecker(SemanticModel model, IReadOnlyList<string> allowedPathRoots)
{
    /// <summary>Every banned use in the model's tree, at most one issue per place and symbol.</summary>
    public IReadOnlyList<ValidationIssue> Check(CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(SyntaxNode node, string what)
        {
            var message = $"{SourcePlace.Of(node.GetLocation())}: {what}";
            if (seen.Add(message))
            {
                issues.Add(new ValidationIssue(ValidationIssueKind.BannedApi, message));
            }
        }

        var root = model.SyntaxTree.GetRoot(cancellationToken);
        foreach (var node in root.DescendantNodes(n => n is not UsingDirectiveSyntax))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                // An explicit 'new T()' is caught at T's name; a target-typed 'new()' has no name, so its constructor is checked.
                case SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax when !InsideNameof(node) && !Redundant(node, cancellationToken):
                    foreach (var symbol in Bound(node, cancellationToken))
                    {
                        if (BannedApis.Why(symbol) is { } reason)
                        {
                            Add(node, $"{Display(symbol)} is banned: {reason}");
                        }
                    }

                    if (node is ImplicitObjectCreationExpressionSyntax implicitCreation)
                    {
                        CheckArguments(implicitCreation, implicitCreation.ArgumentList, Add, cancellationToken);
                    }

                    break;
                case ObjectCreationExpressionSyntax creation:
                    CheckArguments(creation, creation.ArgumentList, Add, cancellationToken);
                    break;
                case InvocationExpressionSyntax invocation:
                    CheckArguments(invocation, invocation.ArgumentList, Add, cancellationToken);
                    break;
                case UnsafeStatementSyntax or FixedStatementSyntax or PointerTypeSyntax or FunctionPointerTypeSyntax:
                    Add(node, "unsafe code is banned: native code and raw memory bypass validation");
                    break;
                case MemberDeclarationSyntax member when member.Modifiers.Any(m => m.IsKind(SyntaxKind.UnsafeKeyword) || m.IsKind(SyntaxKind.ExternKeyword)):
                    Add(member, "unsafe and extern members are banned: native code and raw memory bypass validation");
                    break;
            }
        }

        return issues;
    }

    /// <summary>
    /// True for names whose ban is already reported nearby: <c>var</c> (its type is named where the value is made) and
    /// the member in <c>BannedType.Member</c> (reported at the type).
    /// </summary>
    private bool Redundant(SyntaxNode node, CancellationToken cancellationToken) => node switch
    {
        IdentifierNameSyntax { IsVar: true } => true,
        SimpleNameSyntax { Parent: MemberAccessExpressionSyntax access } name when access.Name == name =>
            model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is ITypeSymbol type && BannedApis.Why(type) is not null,
        _ => false,
    };

    private IEnumerable<ISymbol> Bound(SyntaxNode node, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(node, cancellationToken);
        if (info.Symbol is { } symbol)
        {
            return [symbol];
        }

        // Overload resolution failures still name the candidates; any banned one is reason enough.
        return info.CandidateSymbols;
    }

    /// <summary>Paths and URLs written into calls of file-system, SDK shell and HTTP APIs.</summary>
    private void CheckArguments(ExpressionSyntax call, ArgumentListSyntax? arguments, Action<SyntaxNode, string> add, CancellationToken cancellationToken)
    {
        if (arguments is null || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return;
        }

        var type = BannedApis.FullName(method.ContainingType.OriginalDefinition);
        var ns = method.ContainingType.ContainingNamespace?.ToDisplayString() ?? "";
        var fileSystem = ns == "System.IO" || type is "Evolver.Agents.Sdk.Shell" or "Evolver.Agents.Sdk.AgentContext" or "Evolver.Agents.Sdk.AgentReport";
        var http = ns == "System.Net.Http" || type == "System.Uri";
        if (!fileSystem && !http)
        {
            return;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (StaticPrefix(argument.Expression, cancellationToken) is not { } text)
            {
                continue;
            }

            if (fileSystem && OutsideAllowedRoots(text.Value, text.Complete))
            {
                add(argument, $"path '{text.Value}' in {method.ContainingType.Name}.{method.Name} is banned: agents may touch only {string.Join(", ", allowedPathRoots)}");
            }

            if (http && (text.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.Value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                add(argument, $"hard-coded URL '{text.Value}' is banned: {BannedApiReasons.Gateway}");
            }
        }
    }

    /// <summary>
    /// The statically known start of a string expression: a constant (complete), or the constant left end of a
    /// concatenation or interpolation (incomplete). Null when nothing is known.
    /// </summary>
    private (string Value, bool Complete)? StaticPrefix(ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var constant = model.GetConstantValue(expression, cancellationToken);
        if (constant is { HasValue: true, Value: string s })
        {
            return (s, true);
        }

        return expression switch
        {
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add => StaticPrefix(add.Left, cancellationToken) is { } left ? (left.Value, false) : null,
            InterpolatedStringExpressionSyntax { Contents: [InterpolatedStringTextSyntax first, ..] } => (first.TextToken.ValueText, false),
            ParenthesizedExpressionSyntax p => StaticPrefix(p.Expression, cancellationToken),
            _ => null,
        };
    }

    private bool OutsideAllowedRoots(string path, bool complete)
    {
        if (!path.StartsWith('/'))
        {
            return false;
        }

        if (!complete)
        {
            // "/re" + x may still become "/repo/x": only a prefix no allowed path can start with is banned.
            return !allowedPathRoots.Any(r => r.StartsWith(path, StringComparison.Ordinal) || Under(Normalize(path), r));
        }

        var normalized = Normalize(path);
        return !allowedPathRoots.Any(r => Under(normalized, r));
    }

    private static bool Under(string path, string root) => path == root || path.StartsWith(root + "/", StringComparison.Ordinal);

    /// <summary>Resolves <c>.</c>, <c>..</c> and repeated slashes, so <c>/repo/../etc</c> is seen as <c>/etc</c>.</summary>
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join("/", parts);
    }

    private bool InsideNameof(SyntaxNode node) =>
        node.Ancestors().OfType<InvocationExpressionSyntax>().Any(i =>
            i.Expression is IdentifierNameSyntax { Identifier.Text: "nameof" } && model.GetSymbolInfo(i).Symbol is null);

    private static string Display(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => "new " + ctor.ContainingType.ToDisplayString(),
        ITypeSymbol type => type.ToDisplayString(),
        _ => symbol.ContainingType is { } t ? t.ToDisplayString() + "." + symbol.Name : symbol.ToDisplayString(),
    };
}
