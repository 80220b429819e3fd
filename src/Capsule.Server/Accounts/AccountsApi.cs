using System.Security.Claims;
using Capsule.Platform;
using Capsule.Platform.Accounts;
using Capsule.Platform.Contacts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Capsule.Server.Accounts;

/// <summary>Sign-up, sign-in, the profile, personal access tokens, and role grants by operators.</summary>
public static class AccountsApi
{
    private const int MaxNickname = 64;

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/api/account").WithTags("Account");
        account.MapPost("/sign-up", SignUpAsync).RequireRateLimiting(AccountsSetup.SignInLimit);
        account.MapPost("/sign-in", SignInAsync).RequireRateLimiting(AccountsSetup.SignInLimit);
        account.MapPost("/sign-out", SignOutAsync).RequireAuthorization();
        account.MapGet("/me", GetProfileAsync).RequireAuthorization();
        account.MapPut("/me", UpdateProfileAsync).RequireAuthorization();
        account.MapPut("/handle", SetHandleAsync).RequireAuthorization();
        account.MapPost("/developer", BecomeDeveloperAsync).RequireAuthorization();
        account.MapGet("/tokens", ListTokensAsync).RequireAuthorization();
        account.MapPost("/tokens", CreateTokenAsync).RequireAuthorization();
        account.MapDelete("/tokens/{id:long}", RevokeTokenAsync).RequireAuthorization();
        routes.MapGroup("/api/users").WithTags("Account")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Operator))
            .MapPost("/{id}/roles", GrantRoleAsync);
        return routes;
    }

    private static async Task<Results<Created<Profile>, ValidationProblem>> SignUpAsync(
        SignUpRequest request, UserManager<CapsuleUser> users, SignInManager<CapsuleUser> signIn, IOptions<CapsuleOptions> options, TimeProvider time)
    {
        var nickname = request.Nickname?.Trim() ?? "";
        if (nickname.Length is 0 or > MaxNickname)
        {
            return Invalid("nickname", $"A nickname of 1 to {MaxNickname} characters is required.");
        }
        var user = new CapsuleUser { UserName = request.Email, Email = request.Email, Nickname = nickname, CreatedAt = time.GetUtcNow().UtcDateTime };
        user.Handle = Handle.NewDefault();
        user.NormalizedHandle = Handle.Normalize(user.Handle);
        var created = await users.CreateAsync(user, request.Password ?? "");
        if (!created.Succeeded)
        {
            return TypedResults.ValidationProblem(created.Errors.GroupBy(e => FieldOf(e.Code)).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
        var roles = options.Value.OperatorEmails.Contains(request.Email, StringComparer.OrdinalIgnoreCase) ? new[] { Roles.User, Roles.Operator } : [Roles.User];
        await users.AddToRolesAsync(user, roles);
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Created("/api/account/me", await ProfileOf(user, users));
    }

    private static async Task<Results<Ok<Profile>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, UserManager<CapsuleUser> users, SignInManager<CapsuleUser> signIn)
    {
        var user = await users.FindByEmailAsync(request.Email ?? "");
        if (user is null)
        {
            return WrongPassword();
        }
        var result = await signIn.PasswordSignInAsync(user, request.Password ?? "", isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Account locked",
                detail: "Too many wrong passwords: this account is locked for a few minutes.");
        }
        return result.Succeeded ? TypedResults.Ok(await ProfileOf(user, users)) : WrongPassword();
    }

    private static ProblemHttpResult WrongPassword() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The email or password is wrong.");

    private static async Task<NoContent> SignOutAsync(SignInManager<CapsuleUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Profile>, UnauthorizedHttpResult>> GetProfileAsync(ClaimsPrincipal principal, UserManager<CapsuleUser> users) =>
        await users.GetUserAsync(principal) is { } user ? TypedResults.Ok(await ProfileOf(user, users)) : TypedResults.Unauthorized();

    private static async Task<Results<Ok<Profile>, ValidationProblem, UnauthorizedHttpResult>> UpdateProfileAsync(
        ProfileUpdate update, ClaimsPrincipal principal, UserManager<CapsuleUser> users)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }
        var nickname = update.Nickname?.Trim() ?? "";
        if (nickname.Length is 0 or > MaxNickname)
        {
            return Invalid("nickname", $"A nickname of 1 to {MaxNickname} characters is required.");
        }
        if (update.AvatarUrl is { } avatar && (!Uri.TryCreate(avatar, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || avatar.Length > 512))
        {
            return Invalid("avatarUrl", "The avatar must be an https URL of at most 512 characters.");
        }
        user.Nickname = nickname;
        user.AvatarUrl = update.AvatarUrl;
        await users.UpdateAsync(user);
        return TypedResults.Ok(await ProfileOf(user, users));
    }

    /// <summary>Sets the caller's Capsule ID, unique regardless of case.</summary>
    private static async Task<Results<Ok<Profile>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> SetHandleAsync(
        HandleUpdate update, ClaimsPrincipal principal, UserManager<CapsuleUser> users, ContactBook contacts, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }
        if (!Handle.IsValid(update.Handle))
        {
            return Invalid("handle", Handle.Rule);
        }
        if (!await contacts.SetHandleAsync(user, update.Handle, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Capsule ID taken",
                detail: $"Someone already has the Capsule ID \"{update.Handle}\" (IDs are compared without regard to case).");
        }
        return TypedResults.Ok(await ProfileOf(user, users));
    }

    private static async Task<Results<Ok<Profile>, UnauthorizedHttpResult>> BecomeDeveloperAsync(
        ClaimsPrincipal principal, UserManager<CapsuleUser> users, SignInManager<CapsuleUser> signIn)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }
        if (!await users.IsInRoleAsync(user, Roles.Developer))
        {
            await users.AddToRoleAsync(user, Roles.Developer);
            await signIn.RefreshSignInAsync(user);
        }
        return TypedResults.Ok(await ProfileOf(user, users));
    }

    private static async Task<Ok<TokenInfo[]>> ListTokensAsync(ClaimsPrincipal principal, UserManager<CapsuleUser> users, AccessTokens tokens, CancellationToken cancellationToken)
    {
        var list = await tokens.ListAsync(users.GetUserId(principal)!, cancellationToken);
        return TypedResults.Ok(list.Select(t => new TokenInfo(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt)).ToArray());
    }

    private static async Task<Results<Created<TokenInfo>, ValidationProblem>> CreateTokenAsync(
        TokenRequest request, ClaimsPrincipal principal, UserManager<CapsuleUser> users, AccessTokens tokens, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 64)
        {
            return Invalid("name", "A token name of 1 to 64 characters is required.");
        }
        var (token, secret) = await tokens.CreateAsync(users.GetUserId(principal)!, name, cancellationToken);
        return TypedResults.Created($"/api/account/tokens/{token.Id}", new TokenInfo(token.Id, token.Name, token.Prefix, token.CreatedAt, null, secret));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeTokenAsync(
        long id, ClaimsPrincipal principal, UserManager<CapsuleUser> users, AccessTokens tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(users.GetUserId(principal)!, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<Profile>, ValidationProblem, ProblemHttpResult>> GrantRoleAsync(
        string id, RoleGrant grant, UserManager<CapsuleUser> users)
    {
        if (!Roles.All.Contains(grant.Role))
        {
            return Invalid("role", $"The role must be one of: {string.Join(", ", Roles.All)}.");
        }
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user", detail: $"There is no user with id {id}.");
        }
        if (!await users.IsInRoleAsync(user, grant.Role))
        {
            await users.AddToRoleAsync(user, grant.Role);
        }
        return TypedResults.Ok(await ProfileOf(user, users));
    }

    private static async Task<Profile> ProfileOf(CapsuleUser user, UserManager<CapsuleUser> users) =>
        new(user.Id, user.Email!, user.Nickname, user.AvatarUrl, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)], user.Handle);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static string FieldOf(string identityErrorCode) =>
        identityErrorCode.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : identityErrorCode.Contains("Email", StringComparison.Ordinal) || identityErrorCode.Contains("UserName", StringComparison.Ordinal) ? "email"
        : "account";
}
