using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Capsule.Server.Tests.SocialUsers;

namespace Capsule.Server.Tests;

public sealed class ContactsApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    [Fact]
    public async Task Sign_up_gives_a_unique_capsule_id_that_can_be_changed_and_is_unique_regardless_of_case()
    {
        var ann = await SignUpAsync(factory);
        Assert.Matches("^c_[a-z0-9]{10}$", ann.Handle);
        var chosen = $"Ann{Guid.NewGuid():N}"[..20];
        var set = await ann.Client.PutAsJsonAsync("/api/account/handle", new { handle = chosen });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(chosen, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handle").GetString());

        var bob = await SignUpAsync(factory, "Bob");
        var taken = await bob.Client.PutAsJsonAsync("/api/account/handle", new { handle = chosen.ToLowerInvariant() });
        Assert.Contains("already", (await ProblemAsync(taken, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var bad = await bob.Client.PutAsJsonAsync("/api/account/handle", new { handle = "1abc" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var found = await bob.Client.GetFromJsonAsync<JsonElement>($"/api/contacts/lookup?id={chosen.ToUpperInvariant()}");
        Assert.Equal(ann.Id, found.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("none", found.GetProperty("relation").GetString());
        Assert.False(found.GetProperty("user").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Adding_is_a_request_until_the_other_adds_back()
    {
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        Assert.Equal("requested", await AddAsync(ann, bob.Handle));

        var bobs = await bob.Client.GetFromJsonAsync<JsonElement>("/api/contacts");
        Assert.Equal(ann.Id, bobs.GetProperty("requests")[0].GetProperty("id").GetString());
        Assert.Empty(bobs.GetProperty("friends").EnumerateArray());
        var notYet = await ann.Client.PostAsJsonAsync("/api/chats/direct", new { userId = bob.Id });
        await ProblemAsync(notYet, HttpStatusCode.Forbidden);

        Assert.Equal("friend", await AddAsync(bob, ann.Id));
        var anns = await ann.Client.GetFromJsonAsync<JsonElement>("/api/contacts");
        Assert.Equal(bob.Id, anns.GetProperty("friends")[0].GetProperty("id").GetString());
        Assert.Empty(anns.GetProperty("pending").EnumerateArray());

        await ProblemAsync(await ann.Client.PostAsJsonAsync("/api/contacts", new { id = "nobody_here" }), HttpStatusCode.NotFound);
        await ProblemAsync(await ann.Client.PostAsJsonAsync("/api/contacts", new { id = ann.Handle }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Contacts_need_sign_in()
    {
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/chats")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/moments")).StatusCode);
    }
}
