using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evolver.Archive;

/// <summary>Reads and writes note JSON: snake_case names as in task.json, enums as words, durations in seconds.</summary>
internal static class NoteJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new TimeSpanSecondsConverter() },
    };

    public static string Write(NoteDocument note) => JsonSerializer.Serialize(note, Options) + "\n";

    /// <summary>Parses a note; null with <paramref name="error"/> set when it is not a valid record.</summary>
    public static NoteDocument? TryRead(byte[] bytes, out string error)
    {
        try
        {
            var note = JsonSerializer.Deserialize<NoteDocument>(bytes, Options);
            error = note switch
            {
                null => "the note is JSON null",
                { Format: > ArchiveLayout.Format } => $"note format {note.Format} is newer than this Evolver reads ({ArchiveLayout.Format})",
                _ when !ArchiveLayout.IsValidId(note.Id) => $"the note names an invalid variant id '{note.Id}'",
                _ => "",
            };
            return error.Length == 0 ? note : null;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }

    public static byte[] Bytes(NoteDocument note) => Encoding.UTF8.GetBytes(Write(note));
}
