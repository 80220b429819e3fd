using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Capsule.Server.Tests;

/// <summary>A signed-in test user: their client (with the cookie), id and Capsule ID.</summary>
internal sealed record SocialUser(HttpClient Client, string Id, string Handle, string Nickname);

internal static class SocialUsers
{
    public static async Task<SocialUser> SignUpAsync(CapsuleApiFactory factory, string nickname = "Ann")
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"s{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var profile = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new SocialUser(client, profile.GetProperty("id").GetString()!, profile.GetProperty("handle").GetString()!, nickname);
    }

    /// <summary>Each adds the other, which makes them friends.</summary>
    public static async Task BefriendAsync(SocialUser a, SocialUser b)
    {
        Assert.Equal("requested", await AddAsync(a, b.Handle));
        Assert.Equal("friend", await AddAsync(b, a.Handle));
    }

    public static async Task<string> AddAsync(SocialUser user, string id)
    {
        var response = await user.Client.PostAsJsonAsync("/api/contacts", new { id });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("relation").GetString()!;
    }

    public static async Task<long> DirectChatAsync(SocialUser a, SocialUser b)
    {
        var response = await a.Client.PostAsJsonAsync("/api/chats/direct", new { userId = b.Id });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<long> GroupAsync(SocialUser owner, string name, params SocialUser[] members)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/chats/groups", new { name, memberIds = members.Select(m => m.Id).ToArray() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> SendAsync(SocialUser user, long chat, object body)
    {
        var response = await user.Client.PostAsJsonAsync($"/api/chats/{chat}/messages", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string> DemoAppIdAsync(HttpClient client, string name)
    {
        var demos = await client.GetFromJsonAsync<JsonElement>("/api/programs/demo");
        return demos.EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("appId").GetString()!;
    }
}
