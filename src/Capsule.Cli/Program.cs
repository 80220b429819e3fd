using Capsule.Cli;

return CliApp.Create().Parse(args).Invoke();
