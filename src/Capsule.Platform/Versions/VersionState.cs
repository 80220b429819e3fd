namespace Capsule.Platform.Versions;

/// <summary>Where a version is on its way from upload to everyone.</summary>
public enum VersionState
{
    /// <summary>Uploaded and compiled; only the program's members can open it.</summary>
    Development,

    /// <summary>The one version testers open for trial.</summary>
    Trial,

    /// <summary>Submitted and waiting for a reviewer.</summary>
    InReview,

    /// <summary>Approved by a reviewer; the owner may release it.</summary>
    Approved,

    /// <summary>Turned down by a reviewer, with a reason.</summary>
    Rejected,

    /// <summary>Released: everyone gets it, or a percentage of users while it is phased in.</summary>
    Released,

    /// <summary>Was released, and a later release or a rollback replaced it.</summary>
    Superseded,
}
