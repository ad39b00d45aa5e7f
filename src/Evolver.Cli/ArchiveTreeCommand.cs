using System.CommandLine;
using System.Text.Json.Nodes;
using Evolver.Archive;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary><c>evolver archive tree</c>: every variant under its first parent, drawn with Spectre.Console's tree.</summary>
internal static class ArchiveTreeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var json = ArchiveAccess.JsonOption();
        var command = new Command("tree", "Draw the whole archive as a tree: id, score, status, children; failed attempts marked with ✗.") { archive, json };
        command.SetAction(r => ArchiveAccess.Run(env, r.GetValue(archive)!, a =>
        {
            var roots = a.Tree();
            if (r.GetValue(json))
            {
                ArchiveAccess.WriteJson(env, new JsonArray([.. roots.Select(n => (JsonNode)Json(n))]));
                return ExitCodes.Success;
            }

            var count = Count(roots);
            var failed = roots.Sum(CountFailed);
            var tree = new Tree(new Text($"{a.Path}: {count} variant{(count == 1 ? "" : "s")}, {failed} failed attempt{(failed == 1 ? "" : "s")}"));
            foreach (var root in roots)
            {
                Add(tree, root);
            }

            env.Console.Write(tree);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The node's line: id, score, status, children, and the first line of its mutation.</summary>
    public static string Label(VariantSummary v)
    {
        var crossover = v.Parents.Count > 1 ? $"  crossover with {string.Join(",", v.Parents.Skip(1))}" : "";
        var children = v.Children == 1 ? "1 child" : $"{v.Children} children";
        return $"{(ArchiveText.IsFailed(v.Status) ? "✗ " : "")}{v.Id}  score {ArchiveText.Score(v.Status, v.Score)}  "
            + $"{ArchiveText.Status(v).TrimStart('✗', ' ')}  {children}{crossover}  [{v.Mutator}] {v.Summary}";
    }

    // Iterative would avoid deep recursion, but Spectre's renderer recurses over the tree anyway.
    private static void Add(IHasTreeNodes parent, ArchiveTreeNode node)
    {
        var added = parent.AddNode(new Text(Label(node.Variant)));
        foreach (var child in node.Children)
        {
            Add(added, child);
        }
    }

    private static JsonObject Json(ArchiveTreeNode node)
    {
        var json = ArchiveJson.Summary(node.Variant);
        json["subtree"] = new JsonArray([.. node.Children.Select(c => (JsonNode)Json(c))]);
        return json;
    }

    private static int Count(IEnumerable<ArchiveTreeNode> nodes) => nodes.Sum(n => 1 + Count(n.Children));

    private static int CountFailed(ArchiveTreeNode node) => (ArchiveText.IsFailed(node.Variant.Status) ? 1 : 0) + node.Children.Sum(CountFailed);
}
