using System.Text.Json;

namespace ActorArb.Simulator.Sessions;

/// <summary>Lenient reading of client requests: a protocol answers a bad request with its error message, never an exception.</summary>
internal abstract partial class WireSession
{
    /// <summary>Returns the parsed client message, or null when it is not JSON.</summary>
    protected static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Returns the strings of an array property, or an empty list when it is absent or not an array of strings.</summary>
    protected static List<string> Strings(JsonElement parent, string name)
    {
        var values = new List<string>();
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    values.Add(item.GetString()!);
                }
            }
        }

        return values;
    }

    /// <summary>Returns a string property, or null.</summary>
    protected static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
