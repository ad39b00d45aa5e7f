using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evolver.Web;

/// <summary>Writes durations as seconds (a number), as the archive's notes do, rather than .NET's <c>hh:mm:ss</c>.</summary>
internal sealed class SecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromSeconds(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Math.Round(value.TotalSeconds, 3));
}
