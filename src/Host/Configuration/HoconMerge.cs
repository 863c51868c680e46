namespace ActorArb.Host.Configuration;

/// <summary>
/// Applies one definition of a key to the object being built, in source order: objects merge, other values replace,
/// and a value that may resolve to an object or to nothing is stacked so the resolver can decide.
/// </summary>
internal static class HoconMerge
{
    /// <summary>Defines <paramref name="key"/> (one or more path segments) in <paramref name="target"/>.</summary>
    public static void SetField(ObjectNode target, string[] key, HoconNode value, string file, int line)
    {
        for (var i = key.Length - 1; i >= 1; i--)
        {
            var wrapper = new ObjectNode(file, line, [.. target.Path, .. key[..i]]);
            wrapper.Set(key[i], value);
            value = wrapper;
        }

        MergeField(target, key[0], value);
    }

    public static void MergeField(ObjectNode target, string key, HoconNode incoming)
    {
        string[] path = [.. target.Path, key];
        var existing = target.Get(key);
        if (existing is null)
        {
            target.Set(key, incoming);
            return;
        }

        // `a = ${a} [x]` (and `a += x`) means the earlier value of `a`, so it is spliced in now, before later definitions.
        if (ReplaceSelfReferences(ref incoming, path, existing))
        {
            target.Set(key, incoming);
            return;
        }

        switch (incoming)
        {
            case ObjectNode update when existing is ObjectNode prior:
                foreach (var child in update.Keys)
                {
                    MergeField(prior, child, update.Get(child)!);
                }

                break;
            case ObjectNode when IsDeferred(existing):
            case var _ when IsDeferred(incoming):
                var layers = existing is MergeStackNode stack ? new List<HoconNode>(stack.Layers) : [existing];
                layers.AddRange(incoming is MergeStackNode more ? more.Layers : [incoming]);
                target.Set(key, new MergeStackNode(layers, existing.File, existing.Line, path));
                break;
            default:
                target.Set(key, incoming);
                break;
        }
    }

    /// <summary>
    /// Called once the whole document is parsed: self-references still in place had no earlier value, so an optional
    /// one becomes undefined and a required one is an error.
    /// </summary>
    public static void FinishSelfReferences(ObjectNode root)
    {
        foreach (var key in root.Keys.ToArray())
        {
            var child = root.Get(key)!;
            var fixedChild = Finish(child, [.. root.Path, key]);
            if (!ReferenceEquals(fixedChild, child))
            {
                root.Set(key, fixedChild);
            }
        }
    }

    private static HoconNode Finish(HoconNode node, string[] path)
    {
        switch (node)
        {
            case SubstitutionNode substitution when substitution.RefersTo(path):
                return substitution.Optional
                    ? new UndefinedNode(node.File, node.Line, path)
                    : throw ConfigException.AtSetting(node.File, node.Line, HoconPath.Render(path),
                        $"${{{substitution.Text}}} refers to this setting itself, which has no earlier value");
            case ObjectNode obj:
                FinishSelfReferences(obj);
                return obj;
            case ConcatNode concat:
                FinishAll(concat.Parts, path);
                return concat;
            case MergeStackNode stack:
                FinishAll(stack.Layers, path);
                return stack;
            default:
                return node;
        }
    }

    private static void FinishAll(List<HoconNode> nodes, string[] path)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes[i] = Finish(nodes[i], path);
        }
    }

    private static bool IsDeferred(HoconNode node) => node switch
    {
        SubstitutionNode or MergeStackNode => true,
        ConcatNode concat => concat.Parts.Any(p => p is SubstitutionNode or ObjectNode),
        _ => false,
    };

    private static bool ReplaceSelfReferences(ref HoconNode node, string[] path, HoconNode earlier)
    {
        switch (node)
        {
            case SubstitutionNode substitution when substitution.RefersTo(path):
                node = earlier;
                return true;
            case ConcatNode concat:
                return ReplaceAll(concat.Parts, path, earlier);
            case MergeStackNode stack:
                return ReplaceAll(stack.Layers, path, earlier);
            default:
                return false;
        }
    }

    private static bool ReplaceAll(List<HoconNode> nodes, string[] path, HoconNode earlier)
    {
        var any = false;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (ReplaceSelfReferences(ref node, path, earlier))
            {
                nodes[i] = node;
                any = true;
            }
        }

        return any;
    }
}
