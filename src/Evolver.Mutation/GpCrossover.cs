using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Evolver.Mutation;

/// <summary>
/// Crossover: a member (method, property, constructor, field...) of the second parent replaces the member with the same
/// key (<see cref="MemberKeys"/>) in the first parent, where their code differs. Type declarations are not swapped whole,
/// and protected members never.
/// </summary>
internal static class GpCrossover
{
    public static IReadOnlyList<GpSite> Sites(IReadOnlyDictionary<string, SyntaxTree> first, IReadOnlyDictionary<string, SyntaxTree> second)
    {
        var donors = new Dictionary<string, MemberDeclarationSyntax>(StringComparer.Ordinal);
        foreach (var tree in second.Values)
        {
            foreach (var (key, member) in MemberKeys.All(tree.GetRoot()).Where(p => Swappable(p.Member)))
            {
                donors.TryAdd(key, member);
            }
        }

        var sites = new List<GpSite>();
        foreach (var (file, tree) in first)
        {
            foreach (var (key, member) in MemberKeys.All(tree.GetRoot()).Where(p => Swappable(p.Member)))
            {
                if (donors.TryGetValue(key, out var donor) && MemberKeys.Text(donor) != MemberKeys.Text(member))
                {
                    sites.Add(new GpSite(file, member, donor.WithTriviaFrom(member), $"crossover at {GpSite.Place(member)}: {key} from the second parent ({donor.SyntaxTree.FilePath})"));
                }
            }
        }

        return sites;
    }

    private static bool Swappable(MemberDeclarationSyntax member) =>
        member is not (BaseTypeDeclarationSyntax or DelegateDeclarationSyntax) && !ProtectedCode.IsProtected(member);
}
