using ActorArb.Host.Commands;

return await Cli.RunAsync(args).ConfigureAwait(false);
