using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Platform.MiniPrograms;
using static Capsule.Server.Tests.SocialUsers;

namespace Capsule.Server.Tests;

public sealed class MomentsApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private static async Task<long> PostAsync(SocialUser user, string text, params string[] images)
    {
        var response = await user.Client.PostAsJsonAsync("/api/moments", new { text, images });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement[]> FeedAsync(SocialUser user) =>
        [.. (await user.Client.GetFromJsonAsync<JsonElement>("/api/moments")).GetProperty("moments").EnumerateArray()];

    [Fact]
    public async Task Only_friends_see_each_others_moments()
    {
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        var cat = await SignUpAsync(factory, "Cat");
        await BefriendAsync(ann, bob);
        Assert.Equal("requested", await AddAsync(cat, ann.Handle));
        var id = await PostAsync(ann, "Sunny day", "https://img.example/sun.jpg");

        var bobs = await FeedAsync(bob);
        Assert.Equal("Sunny day", bobs.Single().GetProperty("text").GetString());
        Assert.Equal("https://img.example/sun.jpg", bobs.Single().GetProperty("images")[0].GetString());
        Assert.Empty(await FeedAsync(cat));
        Assert.Single(await FeedAsync(ann));
        await ProblemAsync(await cat.Client.PostAsync($"/api/moments/{id}/like", null), HttpStatusCode.NotFound);
        await ProblemAsync(await cat.Client.PostAsJsonAsync($"/api/moments/{id}/comments", new { text = "hi" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Likes_and_comments_are_shown_to_the_likers_friends_only()
    {
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        var cat = await SignUpAsync(factory, "Cat");
        await BefriendAsync(ann, bob);
        await BefriendAsync(ann, cat);
        var id = await PostAsync(ann, "Dinner");

        var liked = await (await bob.Client.PostAsync($"/api/moments/{id}/like", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(liked.GetProperty("likedByMe").GetBoolean());
        await bob.Client.PostAsync($"/api/moments/{id}/like", null);
        var commented = await bob.Client.PostAsJsonAsync($"/api/moments/{id}/comments", new { text = "Looks good" });
        Assert.Equal(HttpStatusCode.OK, commented.StatusCode);

        var annSees = (await FeedAsync(ann)).Single();
        Assert.Equal("Bob", annSees.GetProperty("likes").EnumerateArray().Single().GetProperty("nickname").GetString());
        Assert.Equal("Looks good", annSees.GetProperty("comments")[0].GetProperty("text").GetString());
        var catSees = (await FeedAsync(cat)).Single();
        Assert.Empty(catSees.GetProperty("likes").EnumerateArray());
        Assert.Empty(catSees.GetProperty("comments").EnumerateArray());

        var unliked = await (await bob.Client.DeleteAsync($"/api/moments/{id}/like")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(unliked.GetProperty("likes").EnumerateArray());
        await ProblemAsync(await bob.Client.PostAsJsonAsync($"/api/moments/{id}/comments", new { text = "" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Moments_refuse_a_mini_program_with_a_clear_problem()
    {
        var ann = await SignUpAsync(factory);
        var response = await ann.Client.PostAsJsonAsync("/api/moments", new
        {
            text = "Try this",
            miniProgram = new { appId = AppId.FromSeed("demo:hello"), title = "Hello", path = "pages/index/index" },
        });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Mini programs cannot be shared to Moments", problem.GetProperty("title").GetString());
        Assert.Contains("chats", problem.GetProperty("detail").GetString());
        Assert.Empty(await FeedAsync(ann));
    }

    [Fact]
    public async Task Bad_posts_are_refused_and_authors_delete_their_own()
    {
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        await BefriendAsync(ann, bob);
        await ProblemAsync(await ann.Client.PostAsJsonAsync("/api/moments", new { text = "" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await ann.Client.PostAsJsonAsync("/api/moments", new { text = "x", images = new[] { "javascript:alert(1)" } }), HttpStatusCode.BadRequest);
        var id = await PostAsync(ann, "Soon gone");
        await ProblemAsync(await bob.Client.DeleteAsync($"/api/moments/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await ann.Client.DeleteAsync($"/api/moments/{id}")).StatusCode);
        Assert.Empty(await FeedAsync(bob));
    }
}
