namespace Capsule.Cli;

/// <summary>The process exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The project has compile errors, or the page failed to render.</summary>
    public const int CompileError = 1;

    /// <summary>The command line or an input file is unusable.</summary>
    public const int BadInput = 2;

    /// <summary>The server could not be reached, or refused the request.</summary>
    public const int ServerRefused = 3;
}
