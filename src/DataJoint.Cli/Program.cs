using DataJoint.Cli;

return await DjCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
