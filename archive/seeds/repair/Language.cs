/// <summary>The languages this agent can repair.</summary>
internal enum Language
{
    /// <summary>Python, tested with pytest.</summary>
    Python,

    /// <summary>C#, tested with dotnet test.</summary>
    CSharp,
}
