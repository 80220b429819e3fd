using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Capsule.Server.Tests.SocialUsers;

namespace Capsule.Server.Tests;

public sealed class ShareTicketTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private static readonly string s_hello = AppId.FromSeed("demo:hello");
    private static readonly string s_todo = AppId.FromSeed("demo:todo");

    /// <summary>Gives two demo programs known appsecrets, as their developers would have.</summary>
    private async Task<(string HelloSecret, string TodoSecret)> SecretsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
        var secrets = (AppSecret.New(), AppSecret.New());
        (await db.MiniPrograms.SingleAsync(p => p.AppId == s_hello)).AppSecretHash = AppSecret.Hash(secrets.Item1);
        (await db.MiniPrograms.SingleAsync(p => p.AppId == s_todo)).AppSecretHash = AppSecret.Hash(secrets.Item2);
        await db.SaveChangesAsync();
        return secrets;
    }

    private static async Task<string> TicketAsync(SocialUser user, long group, string appId) =>
        (await SendAsync(user, group, new { card = new { appId, title = "Look", path = "pages/index/index" } }))
            .GetProperty("card").GetProperty("shareTicket").GetString()!;

    private async Task<HttpResponseMessage> ExchangeAsync(string appId, string appSecret, string shareTicket) =>
        await factory.CreateClient().PostAsJsonAsync("/api/share-tickets/exchange", new { appId, appSecret, shareTicket });

    private async Task<string> OpenGIdAsync(string appId, string appSecret, string shareTicket)
    {
        var response = await ExchangeAsync(appId, appSecret, shareTicket);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openGId").GetString()!;
    }

    [Fact]
    public async Task A_ticket_becomes_an_open_group_id_stable_per_group_and_program_and_different_across_programs()
    {
        var (helloSecret, todoSecret) = await SecretsAsync();
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        await BefriendAsync(ann, bob);
        var group = await GroupAsync(ann, "Team", bob);
        var other = await GroupAsync(bob, "Other team", ann);

        var first = await OpenGIdAsync(s_hello, helloSecret, await TicketAsync(ann, group, s_hello));
        var second = await OpenGIdAsync(s_hello, helloSecret, await TicketAsync(bob, group, s_hello));
        Assert.Equal(first, second);
        var todo = await OpenGIdAsync(s_todo, todoSecret, await TicketAsync(ann, group, s_todo));
        Assert.NotEqual(first, todo);
        Assert.NotEqual(first, await OpenGIdAsync(s_hello, helloSecret, await TicketAsync(ann, other, s_hello)));
    }

    [Fact]
    public async Task A_wrong_appsecret_or_another_programs_ticket_is_refused()
    {
        var (helloSecret, todoSecret) = await SecretsAsync();
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        await BefriendAsync(ann, bob);
        var ticket = await TicketAsync(ann, await GroupAsync(ann, "Team", bob), s_hello);

        var wrong = await ProblemAsync(await ExchangeAsync(s_hello, todoSecret, ticket), HttpStatusCode.Unauthorized);
        Assert.Contains("appsecret", wrong.GetProperty("detail").GetString());
        await ProblemAsync(await ExchangeAsync(s_todo, todoSecret, ticket), HttpStatusCode.NotFound);
        await ProblemAsync(await ExchangeAsync(s_hello, helloSecret, "not-a-ticket"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Share_info_answers_only_members_of_the_group_for_that_program()
    {
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        var eve = await SignUpAsync(factory, "Eve");
        await BefriendAsync(ann, bob);
        var ticket = await TicketAsync(ann, await GroupAsync(ann, "Team", bob), s_hello);

        var info = await bob.Client.PostAsJsonAsync("/api/share-info", new { appId = s_hello, shareTicket = ticket });
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        await ProblemAsync(await eve.Client.PostAsJsonAsync("/api/share-info", new { appId = s_hello, shareTicket = ticket }), HttpStatusCode.NotFound);
        await ProblemAsync(await bob.Client.PostAsJsonAsync("/api/share-info", new { appId = s_todo, shareTicket = ticket }), HttpStatusCode.NotFound);
    }
}
