using Microsoft.Extensions.Options;

namespace Capsule.Platform;

/// <summary>Fails start-up with a clear reason when the data directory cannot be created or written.</summary>
internal sealed class DataDirValidation : IValidateOptions<CapsuleOptions>
{
    public ValidateOptionsResult Validate(string? name, CapsuleOptions options)
    {
        try
        {
            Directory.CreateDirectory(options.DataDir);
            var probe = Path.Combine(options.DataDir, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return ValidateOptionsResult.Success;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"the data directory {options.DataDir} is not writable ({error.Message})");
        }
    }
}
