using Capsule.Platform.Accounts;
using Capsule.Platform.MiniPrograms;

namespace Capsule.Platform.Registry;

/// <summary>Someone the owner added to a program: a developer (uploads versions) or a tester (opens development and trial versions).</summary>
public sealed class ProgramMember
{
    public const string Developer = "developer";
    public const string Tester = "tester";

    public long MiniProgramId { get; set; }

    public MiniProgram? MiniProgram { get; set; }

    public required string UserId { get; set; }

    public CapsuleUser? User { get; set; }

    public required string Role { get; set; }
}
