using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Evolver.Mutation;

/// <summary>
/// Names a member declaration by where it is and what it is, from syntax alone, so the same member can be found in two
/// versions of an agent: <c>Ns.Type::Method`1(int,string)</c>, <c>Ns.Type::.ctor()</c>, <c>Ns.Type::field:a,b</c>.
/// </summary>
internal static class MemberKeys
{
    /// <summary>Every keyed member of <paramref name="root"/>, in document order (nested types and their members included).</summary>
    public static IEnumerable<(string Key, MemberDeclarationSyntax Member)> All(SyntaxNode root) =>
        root.DescendantNodes()
            .OfType<MemberDeclarationSyntax>()
            .Select(m => (Key: Of(m), Member: m))
            .Where(p => p.Key is not null)
            .Select(p => (p.Key!, p.Member));

    /// <summary>The key of <paramref name="member"/>, or null for declarations that are not members (namespaces, global statements).</summary>
    public static string? Of(MemberDeclarationSyntax member)
    {
        var name = member switch
        {
            BaseNamespaceDeclarationSyntax or GlobalStatementSyntax or IncompleteMemberSyntax => null,
            BaseTypeDeclarationSyntax t => "type:" + t.Identifier.Text + Arity((t as TypeDeclarationSyntax)?.TypeParameterList),
            DelegateDeclarationSyntax d => "delegate:" + d.Identifier.Text + Arity(d.TypeParameterList),
            MethodDeclarationSyntax m => m.Identifier.Text + Arity(m.TypeParameterList) + Parameters(m.ParameterList),
            ConstructorDeclarationSyntax c => (c.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor") + Parameters(c.ParameterList),
            DestructorDeclarationSyntax => "~",
            OperatorDeclarationSyntax o => "op" + o.OperatorToken.Text + Parameters(o.ParameterList),
            ConversionOperatorDeclarationSyntax c => "op_" + c.ImplicitOrExplicitKeyword.Text + Parameters(c.ParameterList) + "->" + Text(c.Type),
            PropertyDeclarationSyntax p => (p.ExplicitInterfaceSpecifier is { } e ? Text(e.Name) + "." : "") + p.Identifier.Text,
            IndexerDeclarationSyntax i => "this" + Text(i.ParameterList),
            EventDeclarationSyntax e => "event:" + e.Identifier.Text,
            BaseFieldDeclarationSyntax f => "field:" + string.Join(",", f.Declaration.Variables.Select(v => v.Identifier.Text)),
            EnumMemberDeclarationSyntax e => e.Identifier.Text,
            _ => null,
        };
        return name is null ? null : Container(member) + "::" + name;
    }

    /// <summary>The tokens of <paramref name="node"/> without trivia, space-separated: equal for code that differs only in layout or comments.</summary>
    public static string Text(SyntaxNode node) => string.Join(" ", node.DescendantTokens().Select(t => t.Text));

    private static string Container(SyntaxNode member)
    {
        var parts = new List<string>();
        for (var node = member.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case TypeDeclarationSyntax t:
                    parts.Add(t.Identifier.Text + Arity(t.TypeParameterList));
                    break;
                case BaseNamespaceDeclarationSyntax n:
                    parts.Add(n.Name.ToString());
                    break;
            }
        }

        parts.Reverse();
        return string.Join(".", parts);
    }

    private static string Arity(TypeParameterListSyntax? list) => list is null ? "" : "`" + list.Parameters.Count;

    private static string Parameters(ParameterListSyntax list) =>
        "(" + string.Join(",", list.Parameters.Select(p => string.Join(" ", p.Modifiers.Select(m => m.Text).Append(p.Type is null ? "" : Text(p.Type))).Trim())) + ")";
}
