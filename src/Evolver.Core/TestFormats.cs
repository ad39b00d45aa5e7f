namespace Evolver.Core;

/// <summary>Names of <see cref="TestFormat"/> values as task.json writes them.</summary>
public static class TestFormats
{
    /// <summary>Parses <c>pytest</c>, <c>junit-xml</c>, <c>trx</c> or <c>exit-code</c>.</summary>
    public static bool TryParse(string text, out TestFormat format)
    {
        switch (text)
        {
            case "pytest": format = TestFormat.Pytest; return true;
            case "junit-xml": format = TestFormat.JunitXml; return true;
            case "trx": format = TestFormat.Trx; return true;
            case "exit-code": format = TestFormat.ExitCode; return true;
            default: format = default; return false;
        }
    }

    /// <summary>The task.json name of <paramref name="format"/>.</summary>
    public static string Name(TestFormat format) => format switch
    {
        TestFormat.Pytest => "pytest",
        TestFormat.JunitXml => "junit-xml",
        TestFormat.Trx => "trx",
        TestFormat.ExitCode => "exit-code",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
