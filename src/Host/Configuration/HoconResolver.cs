using System.Text;

namespace ActorArb.Host.Configuration;

/// <summary>
/// Resolves a parsed tree into values once the whole document is known, so a substitution sees the final value of
/// its target wherever that is defined. Every node is resolved once; re-entering a node still being resolved is a cycle.
/// </summary>
internal sealed class HoconResolver
{
    private readonly ObjectNode _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconNode, HoconValue?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconNode> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<SubstitutionNode> _substitutions = [];

    private HoconResolver(ObjectNode root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconValue Resolve(ObjectNode root, Func<string, string?> environment) =>
        new HoconResolver(root, environment).ResolveNode(root)!;

    /// <summary>Returns the value of a node, or null when it is undefined (an optional substitution with no target).</summary>
    private HoconValue? ResolveNode(HoconNode node)
    {
        if (_resolved.TryGetValue(node, out var done))
        {
            return done;
        }

        if (!_inProgress.Add(node))
        {
            var last = _substitutions.Count > 0 ? _substitutions[^1] : null;
            var chain = string.Join(" -> ", _substitutions.Select(s => $"${{{s.Text}}}"));
            throw ConfigException.AtSetting(last?.File ?? node.File, last?.Line ?? node.Line,
                HoconPath.Render(last?.Path ?? node.Path), $"substitution cycle: {chain}");
        }

        var value = node switch
        {
            ScalarNode scalar => HoconValue.Scalar(scalar.Kind, scalar.RawText, scalar.File, scalar.Line),
            ObjectNode obj => ResolveObject(obj),
            ArrayNode list => HoconValue.Array(list.Items.Select(ResolveNode).OfType<HoconValue>().ToArray(), list.File, list.Line),
            SubstitutionNode substitution => ResolveSubstitution(substitution),
            ConcatNode concat => ResolveConcat(concat),
            MergeStackNode stack => ResolveStack(stack),
            _ => null,
        };
        _inProgress.Remove(node);
        _resolved[node] = value;
        return value;
    }

    private HoconValue ResolveObject(ObjectNode obj)
    {
        var fields = new List<KeyValuePair<string, HoconValue>>(obj.Keys.Count);
        foreach (var key in obj.Keys)
        {
            if (ResolveNode(obj.Get(key)!) is { } value)
            {
                fields.Add(new(key, value));
            }
        }

        return HoconValue.Object(fields, obj.File, obj.Line);
    }

    private HoconValue? ResolveSubstitution(SubstitutionNode substitution)
    {
        _substitutions.Add(substitution);
        try
        {
            var found = (substitution.Prefix.Length > 0 ? Lookup([.. substitution.Prefix, .. substitution.Target]) : null)
                ?? Lookup(substitution.Target);
            if (found is not null)
            {
                return found.WithOrigin(substitution.File, substitution.Line);
            }

            var name = string.Join('.', substitution.Target);
            if (_environment(name) is { } fromEnvironment)
            {
                return HoconValue.Scalar(HoconValueKind.String, fromEnvironment, substitution.File, substitution.Line);
            }

            return substitution.Optional
                ? null
                : throw ConfigException.AtSetting(substitution.File, substitution.Line, HoconPath.Render(substitution.Path),
                    $"could not resolve substitution ${{{substitution.Text}}}: no such setting and no environment variable {name}");
        }
        finally
        {
            _substitutions.RemoveAt(_substitutions.Count - 1);
        }
    }

    private HoconValue? Lookup(string[] path)
    {
        var (says, value) = Probe(_root, path, 0);
        return says ? value : null;
    }

    /// <summary>
    /// Finds <c>path[depth..]</c> inside a node without resolving more than lies on the path, so that
    /// <c>a = ${base}</c> then <c>a.y = ${a.x}</c> is not a cycle. <c>Says</c> is false when the node leaves the path
    /// to earlier definitions (an object without that key merges); a non-object replaces them, giving (true, null).
    /// </summary>
    private (bool Says, HoconValue? Value) Probe(HoconNode node, string[] path, int depth)
    {
        if (depth == path.Length)
        {
            var whole = ResolveNode(node);
            return (whole is not null, whole);
        }

        switch (node)
        {
            case ObjectNode obj:
                return obj.Get(path[depth]) is { } child ? Probe(child, path, depth + 1) : (false, null);
            case MergeStackNode stack:
                (bool Says, HoconValue? Value) result = (false, null);
                foreach (var layer in stack.Layers)
                {
                    var probe = Probe(layer, path, depth);
                    if (probe.Says)
                    {
                        result = result.Value is { Kind: HoconValueKind.Object } earlier && probe.Value is { Kind: HoconValueKind.Object } later
                            ? (true, MergeObjects(earlier, later))
                            : probe;
                    }
                }

                return result;
            default:
                var value = ResolveNode(node);
                for (; depth < path.Length && value is { Kind: HoconValueKind.Object }; depth++)
                {
                    if (value.GetField(path[depth]) is not { } field)
                    {
                        return (false, null);
                    }

                    value = field;
                }

                return value is null ? (false, null) : (true, depth == path.Length ? value : null);
        }
    }

    private HoconValue? ResolveConcat(ConcatNode concat)
    {
        var values = new List<HoconValue?>(concat.Parts.Count);
        foreach (var part in concat.Parts)
        {
            values.Add(part is WhitespaceNode ? null : ResolveNode(part));
        }

        var defined = values.OfType<HoconValue>().ToList();
        if (defined.Count == 0)
        {
            return null;
        }

        var objects = defined.Count(v => v.Kind == HoconValueKind.Object);
        var lists = defined.Count(v => v.Kind == HoconValueKind.Array);
        if (objects == defined.Count)
        {
            return defined.Skip(1).Aggregate(defined[0], MergeObjects).WithOrigin(concat.File, concat.Line);
        }

        if (lists == defined.Count)
        {
            return HoconValue.Array(defined.SelectMany(v => v.Items).ToArray(), concat.File, concat.Line);
        }

        if (objects + lists > 0)
        {
            var structured = defined.First(v => v.Kind is HoconValueKind.Object or HoconValueKind.Array);
            var other = defined.First(v => v.Kind != structured.Kind);
            throw ConfigException.AtSetting(concat.File, concat.Line, HoconPath.Render(concat.Path),
                $"cannot concatenate {structured.Describe()} with {other.Describe()}");
        }

        var text = new StringBuilder();
        for (var i = 0; i < concat.Parts.Count; i++)
        {
            text.Append(concat.Parts[i] is WhitespaceNode space ? space.Text : values[i]?.RawText);
        }

        return HoconValue.Scalar(HoconValueKind.String, text.ToString(), concat.File, concat.Line);
    }

    private HoconValue? ResolveStack(MergeStackNode stack)
    {
        HoconValue? result = null;
        foreach (var layer in stack.Layers)
        {
            if (ResolveNode(layer) is not { } value)
            {
                continue;
            }

            result = result is { Kind: HoconValueKind.Object } && value.Kind == HoconValueKind.Object
                ? MergeObjects(result, value)
                : value;
        }

        return result;
    }

    /// <summary>Merges <paramref name="later"/> into <paramref name="earlier"/>: nested objects merge, anything else replaces.</summary>
    private static HoconValue MergeObjects(HoconValue earlier, HoconValue later)
    {
        var fields = earlier.Keys.Select(k => new KeyValuePair<string, HoconValue>(k, earlier.GetField(k)!)).ToList();
        foreach (var key in later.Keys)
        {
            var update = later.GetField(key)!;
            var index = fields.FindIndex(f => f.Key == key);
            if (index < 0)
            {
                fields.Add(new(key, update));
            }
            else
            {
                var prior = fields[index].Value;
                fields[index] = new(key, prior.Kind == HoconValueKind.Object && update.Kind == HoconValueKind.Object
                    ? MergeObjects(prior, update)
                    : update);
            }
        }

        return HoconValue.Object(fields, earlier.SourceFile, earlier.Line);
    }
}
