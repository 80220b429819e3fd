using Microsoft.Playwright;

namespace Capsule.E2E.Tests.Pages;

/// <summary>A user made for one test: signed up through the API in a browser context, whose cookies then sign them in.</summary>
public sealed record TestUser(string Id, string Email, string Nickname)
{
    public const string Password = "Capsule-test-1";

    /// <summary>Signs up a new user with a unique email; the context is signed in as them afterwards.</summary>
    public static async Task<TestUser> SignUpAsync(IBrowserContext context, string nickname)
    {
        var email = $"{Guid.NewGuid():N}@test.capsule";
        var response = await context.APIRequest.PostAsync("/api/account/sign-up", new APIRequestContextOptions
        {
            DataObject = new { email, password = Password, nickname },
        });
        if (!response.Ok)
        {
            throw new InvalidOperationException($"sign-up failed: {response.Status} {await response.TextAsync()}");
        }
        var profile = await response.JsonAsync();
        return new TestUser(profile!.Value.GetProperty("id").GetString()!, email, nickname);
    }
}
