using System.Text.RegularExpressions;

namespace ActorArb.Actors.Persistence.Postgres;

/// <summary>The SQL names of one store's schema, checked once so they can be spliced into statements safely.</summary>
internal sealed partial class PostgresNames
{
    public PostgresNames(string schema)
    {
        if (schema is null || !SchemaPattern().IsMatch(schema))
        {
            throw new ArgumentException($"schema name \"{schema}\" must be 1-50 lower-case letters, digits or underscores, not starting with a digit", nameof(schema));
        }

        Schema = schema;
        Channel = schema + "_events";
        Sequence = schema + ".events_position_seq";
    }

    /// <summary>The schema, safe to splice unquoted.</summary>
    public string Schema { get; }

    /// <summary>The LISTEN/NOTIFY channel that appends to this schema notify on commit.</summary>
    public string Channel { get; }

    /// <summary>The sequence behind <c>events.position</c>.</summary>
    public string Sequence { get; }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,49}$")]
    private static partial Regex SchemaPattern();
}
