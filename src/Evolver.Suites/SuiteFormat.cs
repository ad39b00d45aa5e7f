namespace Evolver.Suites;

/// <summary>An upstream benchmark layout that <see cref="SuiteImporter"/> converts into a native suite.</summary>
public enum SuiteFormat
{
    /// <summary>The Python part of Aider's Polyglot benchmark: Exercism exercises with <c>.meta/config.json</c> and <c>.py</c> files.</summary>
    Polyglot,

    /// <summary>Exercism C# practice exercises: a <c>*.csproj</c>, a stub, <c>*Tests.cs</c> and <c>.meta/Example.cs</c>.</summary>
    ExercismCsharp,

    /// <summary>QuixBugs Python: <c>python_programs/</c>, <c>correct_python_programs/</c> and their test cases.</summary>
    Quixbugs,
}
