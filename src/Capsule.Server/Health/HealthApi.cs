namespace Capsule.Server.Health;

public static class HealthApi
{
    /// <summary><c>GET /healthz</c> answers 200 once start-up (migrations, demo content) has finished.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
        return routes;
    }
}
