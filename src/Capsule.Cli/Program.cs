using Capsule.Cli;

return await CliApp.Create().Parse(args).InvokeAsync();
