namespace ActorArb.Host.Tests.Commands;

/// <summary>Specs that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
