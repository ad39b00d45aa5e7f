using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Evolver.Mutation;

/// <summary>
/// The gp operator that swaps calls among the agent's own methods: a call or method group naming one of them is
/// pointed at another with the same signature (static-ness, parameter types and ref kinds, return type). Unqualified
/// names stay within their type; <c>Type.Method</c> may move to a static method of any of the agent's types.
/// </summary>
internal static class GpCallSwaps
{
    public static IEnumerable<GpSite> Sites(string file, SyntaxNode root, SemanticModel model, IReadOnlyList<IMethodSymbol> ownMethods, Random random)
    {
        // Binding every name is slow; only names spelled like one of the agent's methods can refer to one.
        var spelled = ownMethods.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>().Where(n => spelled.Contains(n.Identifier.Text) && !ProtectedCode.IsProtected(n)))
        {
            if (model.GetSymbolInfo(name).Symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsGenericMethod: false, IsExtensionMethod: false } target
                || !target.Locations.Any(l => l.IsInSource))
            {
                continue;
            }

            // Type.Method may become any other type's static method; a plain or instance-qualified name stays in its type.
            var qualified = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                && model.GetSymbolInfo(access.Expression).Symbol is INamedTypeSymbol;
            var options = ownMethods
                .Where(m => !SymbolEqualityComparer.Default.Equals(m, target) && SameSignature(m, target))
                .Where(m => SymbolEqualityComparer.Default.Equals(m.ContainingType, target.ContainingType)
                    || (qualified && m.IsStatic && m.DeclaredAccessibility != Accessibility.Private))
                .ToList();
            if (options.Count == 0)
            {
                continue;
            }

            var chosen = options[random.Next(options.Count)];
            SyntaxNode old = name;
            SyntaxNode replacement = IdentifierName(chosen.Name).WithTriviaFrom(name);
            if (qualified && !SymbolEqualityComparer.Default.Equals(chosen.ContainingType, target.ContainingType))
            {
                old = name.Parent!;
                replacement = ParseExpression(chosen.ContainingType.ToDisplayString() + "." + chosen.Name).WithTriviaFrom(old);
            }

            yield return new GpSite(file, old, replacement, $"swap call at {GpSite.Place(name)}: {target.ContainingType.Name}.{target.Name} -> {chosen.ContainingType.Name}.{chosen.Name}");
        }
    }

    /// <summary>Every ordinary, non-generic method declared in the agent's source, in declaration order.</summary>
    public static IReadOnlyList<IMethodSymbol> OwnMethods(Compilation compilation, IEnumerable<SyntaxTree> trees) =>
        trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Select(m => compilation.GetSemanticModel(t).GetDeclaredSymbol(m)))
            .OfType<IMethodSymbol>()
            .Where(m => m is { MethodKind: MethodKind.Ordinary, IsGenericMethod: false, IsExtensionMethod: false, IsAbstract: false })
            .ToList();

    private static bool SameSignature(IMethodSymbol a, IMethodSymbol b) =>
        a.IsStatic == b.IsStatic
        && a.Parameters.Length == b.Parameters.Length
        && SymbolEqualityComparer.IncludeNullability.Equals(a.ReturnType, b.ReturnType)
        && a.Parameters.Zip(b.Parameters).All(p => p.First.RefKind == p.Second.RefKind && SymbolEqualityComparer.IncludeNullability.Equals(p.First.Type, p.Second.Type));
}
