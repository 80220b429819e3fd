namespace Capsule.Platform.Versions;

/// <summary>Where a version is on its way from upload to everyone.</summary>
public enum VersionState
{
    /// <summary>Uploaded and compiled; only the program's members can open it.</summary>
    Development,

    /// <summary>What everyone who opens the program gets.</summary>
    Released,
}
