using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Evolver.Mutation;

/// <summary>
/// Applies a MEMBER edit: Roslyn finds the type and the member the new declaration replaces (or the place to add it),
/// and the new text is spliced in at exactly that span, re-indented to fit, so the rest of the file keeps its layout.
/// </summary>
internal static class MemberEdit
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp14);

    /// <summary>The file with the edit applied, or the reason it cannot be.</summary>
    public static (string? Text, string? Problem) Apply(string source, string typePath, string body)
    {
        var declaration = SyntaxFactory.ParseMemberDeclaration(Dedent(body), options: ParseOptions);
        if (declaration is null || declaration is GlobalStatementSyntax or IncompleteMemberSyntax)
        {
            return (null, "the body is not a C# member or type declaration");
        }

        if (declaration.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            return (null, $"the body does not parse as one declaration ({error.GetMessage()}); send one member per MEMBER block");
        }

        var text = SourceText.From(source);
        var root = CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot();
        var segments = typePath.Split('.');
        var type = FindType(root, segments);
        if (declaration is BaseTypeDeclarationSyntax newType && newType.Identifier.Text == segments[^1])
        {
            if (type is not null)
            {
                return (Replace(text, type, body), null);
            }

            var outer = segments.Length > 1 ? FindType(root, segments[..^1]) : null;
            return outer is TypeDeclarationSyntax container ? (AddTo(text, container, body), null) : (Append(text, body), null);
        }

        if (type is not TypeDeclarationSyntax target)
        {
            var known = string.Join(", ", root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.Text));
            return (null, $"the file declares no type '{typePath}' (it declares: {(known.Length == 0 ? "none" : known)})");
        }

        var old = Counterpart(target, declaration);
        return old is null ? (AddTo(text, target, body), null) : (Replace(text, old, body), null);
    }

    /// <summary>The member of <paramref name="type"/> that <paramref name="declaration"/> replaces: same key, else the only one of the same name and kind.</summary>
    private static MemberDeclarationSyntax? Counterpart(TypeDeclarationSyntax type, MemberDeclarationSyntax declaration)
    {
        var key = LocalKey(declaration);
        var sameKey = type.Members.FirstOrDefault(m => LocalKey(m) == key);
        if (sameKey is not null || key is null)
        {
            return sameKey;
        }

        var name = Name(key);
        var sameName = type.Members.Where(m => m.GetType() == declaration.GetType() && LocalKey(m) is { } k && Name(k) == name).ToList();
        return sameName.Count == 1 ? sameName[0] : null;
    }

    /// <summary>The member's key without its container: <c>Run(string)</c>, <c>field:a</c>, <c>.ctor(int)</c>.</summary>
    private static string? LocalKey(MemberDeclarationSyntax member) => MemberKeys.Of(member) is { } key ? key[(key.IndexOf("::", StringComparison.Ordinal) + 2)..] : null;

    private static string Name(string localKey) => localKey.Split('(', '`')[0];

    private static BaseTypeDeclarationSyntax? FindType(SyntaxNode root, string[] segments)
    {
        IEnumerable<SyntaxNode> scope = [root];
        BaseTypeDeclarationSyntax? found = null;
        foreach (var segment in segments)
        {
            // The first segment may be nested in namespaces; later ones are direct members of the type found before.
            found = (found is null ? scope.SelectMany(s => s.DescendantNodes()) : found.ChildNodes())
                .OfType<BaseTypeDeclarationSyntax>()
                .FirstOrDefault(t => t.Identifier.Text == segment);
            if (found is null)
            {
                return null;
            }
        }

        return found;
    }

    /// <summary>Replaces the lines of <paramref name="old"/> (with its comments when the new text brings its own) by <paramref name="body"/>.</summary>
    private static string Replace(SourceText text, MemberDeclarationSyntax old, string body)
    {
        var bodyHasComment = Dedent(body).TrimStart().StartsWith("//", StringComparison.Ordinal);
        var firstComment = old.GetLeadingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)
            || t.IsKind(SyntaxKind.MultiLineCommentTrivia) || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)
            || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia));
        var from = bodyHasComment && firstComment != default ? firstComment.SpanStart : old.SpanStart;
        var start = text.Lines.GetLineFromPosition(from).Start;
        var lastLine = text.Lines.GetLineFromPosition(old.Span.End);
        var indent = Indentation(text, old.SpanStart);
        return Splice(text, start, lastLine.EndIncludingLineBreak, Indent(body, indent));
    }

    /// <summary>Adds <paramref name="body"/> as the last member of <paramref name="type"/>, after a blank line.</summary>
    private static string AddTo(SourceText text, TypeDeclarationSyntax type, string body)
    {
        var closeLine = text.Lines.GetLineFromPosition(type.CloseBraceToken.SpanStart);
        var indent = Indentation(text, type.SpanStart) + "    ";
        var lead = type.Members.Count == 0 ? "" : "\n";
        if (text.ToString(TextSpan.FromBounds(closeLine.Start, type.CloseBraceToken.SpanStart)).Trim().Length == 0)
        {
            return Splice(text, closeLine.Start, closeLine.Start, lead + Indent(body, indent));
        }

        // The closing brace shares its line with code (`class A { }`): open a line before it.
        return Splice(text, type.CloseBraceToken.SpanStart, type.CloseBraceToken.SpanStart, "\n" + Indent(body, indent) + Indentation(text, type.SpanStart));
    }

    private static string Append(SourceText text, string body)
    {
        var source = text.ToString();
        var separator = source.Length == 0 ? "" : source.EndsWith('\n') ? "\n" : "\n\n";
        return source + separator + Indent(body, "");
    }

    private static string Splice(SourceText text, int start, int end, string insert) =>
        text.ToString(TextSpan.FromBounds(0, start)) + insert + text.ToString(TextSpan.FromBounds(end, text.Length));

    private static string Indentation(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var prefix = text.ToString(TextSpan.FromBounds(line.Start, position));
        return prefix[..(prefix.Length - prefix.TrimStart().Length)];
    }

    /// <summary><paramref name="body"/> without blank lines around it and without the indentation all its lines share.</summary>
    private static string Dedent(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        var common = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Trim().Length == 0 ? "" : l[common..]));
    }

    private static string Indent(string body, string indent) =>
        string.Concat(Dedent(body).Split('\n').Select(l => (l.Length == 0 ? "" : indent + l) + "\n"));
}
