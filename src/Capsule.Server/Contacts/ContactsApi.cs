using System.Security.Claims;
using System.Text.Json;
using Capsule.Platform.Contacts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Capsule.Server.Contacts;

public sealed record AddContactRequest(string Id);

/// <summary>A person found by id or Capsule ID and how they stand to the caller: none, self, requested, requestedYou or friend.</summary>
public sealed record ContactLookup(PublicUser User, string Relation);

/// <summary>Contacts: find people by Capsule ID, add them (a request until they add back), and list friends and requests.</summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder routes)
    {
        var contacts = routes.MapGroup("/api/contacts").WithTags("Contacts").RequireAuthorization();
        contacts.MapGet("/", ListAsync);
        contacts.MapGet("/lookup", LookupAsync);
        contacts.MapPost("/", AddAsync);
        return routes;
    }

    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<Ok<ContactList>> ListAsync(ClaimsPrincipal user, ContactBook book, CancellationToken cancellationToken) =>
        TypedResults.Ok(await book.ListAsync(Me(user), cancellationToken));

    private static async Task<Results<Ok<ContactLookup>, ProblemHttpResult>> LookupAsync(
        string id, ClaimsPrincipal user, ContactBook book, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(id, cancellationToken) is not { } found)
        {
            return NotFound(id);
        }
        return TypedResults.Ok(new ContactLookup(found, Name(await book.RelationAsync(Me(user), found.Id, cancellationToken))));
    }

    private static async Task<Results<Ok<ContactLookup>, ProblemHttpResult>> AddAsync(
        AddContactRequest request, ClaimsPrincipal user, ContactBook book, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(request.Id ?? "", cancellationToken) is not { } found)
        {
            return NotFound(request.Id);
        }
        if (found.Id == Me(user))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "That is you", detail: "You cannot add yourself as a contact.");
        }
        return TypedResults.Ok(new ContactLookup(found, Name(await book.AddAsync(Me(user), found.Id, cancellationToken))));
    }

    private static ProblemHttpResult NotFound(string? id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such person", detail: $"Nobody has the Capsule ID \"{id}\".");

    private static string Name(ContactRelation relation) => JsonNamingPolicy.CamelCase.ConvertName(relation.ToString());
}
