using Capsule.Hosting;
using Capsule.Platform.Bundles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Capsule.Server.Bundles;

public static class BundleApi
{
    public const string BaseUrl = "/bundles/";

    /// <summary>
    /// <c>GET /bundles/{name}</c>: a bundle file by its content-hashed name. Names never change meaning, so
    /// responses are cacheable forever and revalidate by ETag. They are public, and readable from the container's
    /// opaque origin (a program's image drawn on a canvas must not taint it).
    /// </summary>
    public static IEndpointRouteBuilder MapBundleApi(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(BaseUrl + "{name}", [HttpMethods.Get, HttpMethods.Head], GetFile).WithTags("Bundles");
        return routes;
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> GetFile(string name, BundleStore bundles, HttpContext context)
    {
        if (bundles.Find(name) is not { } path)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such bundle file",
                detail: $"There is no bundle file named {name}.");
        }
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.Headers.ContentSecurityPolicy = ClientSecurityPolicy.BundleFile;
        var tag = new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(name)}\"");
        return TypedResults.PhysicalFile(path, BundleStore.ContentType(name), entityTag: tag);
    }
}
