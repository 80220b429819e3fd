using Capsule.Platform.Chats;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Capsule.Server.Chats;

public static class Refusals
{
    public static ProblemHttpResult ToProblem(this ChatRefusal refusal) =>
        TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail);
}
