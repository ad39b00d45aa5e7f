using System.Text;
using System.Text.Json;

namespace Evolver.Mutation;

/// <summary>Writes the <c>agent.runtimeconfig.json</c> that lets <c>dotnet agent.dll</c> start the agent.</summary>
internal static class RuntimeConfig
{
    /// <summary>
    /// The runtimeconfig for the running runtime's major.minor. Version <c>X.Y.0</c> with roll-forward <c>Minor</c> (the SDK's
    /// default) runs on the newest patch installed in the container, whatever it is. Globalization is invariant because
    /// not every task image carries ICU, and without ICU a non-invariant app fails at startup.
    /// </summary>
    public static byte[] Create()
    {
        var version = Environment.Version;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("runtimeOptions");
            json.WriteString("tfm", $"net{version.Major}.{version.Minor}");
            json.WriteString("rollForward", "Minor");
            json.WriteStartObject("framework");
            json.WriteString("name", "Microsoft.NETCore.App");
            json.WriteString("version", $"{version.Major}.{version.Minor}.0");
            json.WriteEndObject();
            json.WriteStartObject("configProperties");
            json.WriteBoolean("System.Globalization.Invariant", true);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        buffer.Write(Encoding.UTF8.GetBytes("\n"));
        return buffer.ToArray();
    }
}
