using Tmssw.Cli;

return await TmsswCli.RunAsync(args, Console.Out, Console.Error);
