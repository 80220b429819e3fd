using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using static Capsule.Server.Tests.SocialUsers;

namespace Capsule.Server.Tests;

public sealed class ChatHubTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    /// <summary>A real SignalR client connected as the user (with a personal access token) to the in-process server.</summary>
    private async Task<(HubConnection Connection, ChannelReader<JsonElement> Messages, ChannelReader<JsonElement> Conversations)> ConnectAsync(SocialUser user)
    {
        var created = await user.Client.PostAsJsonAsync("/api/account/tokens", new { name = "hub" });
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/chat"), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var messages = Channel.CreateUnbounded<JsonElement>();
        var conversations = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("message", m => messages.Writer.TryWrite(m));
        connection.On<JsonElement>("conversation", c => conversations.Writer.TryWrite(c));
        await connection.StartAsync();
        return (connection, messages.Reader, conversations.Reader);
    }

    private static async Task<JsonElement> NextAsync(ChannelReader<JsonElement> reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadAsync(timeout.Token);
    }

    [Fact]
    public async Task Members_hear_new_messages_and_others_do_not()
    {
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        var eve = await SignUpAsync(factory, "Eve");
        await BefriendAsync(ann, bob);
        var chat = await DirectChatAsync(ann, bob);
        var (bobHub, bobMessages, _) = await ConnectAsync(bob);
        var (eveHub, eveMessages, _) = await ConnectAsync(eve);
        await using (bobHub)
        await using (eveHub)
        {
            var sent = await SendAsync(ann, chat, new { text = "over the wire" });
            var heard = await NextAsync(bobMessages);
            Assert.Equal(sent.GetProperty("id").GetInt64(), heard.GetProperty("id").GetInt64());
            Assert.Equal("over the wire", heard.GetProperty("text").GetString());
            Assert.Equal(chat, heard.GetProperty("conversationId").GetInt64());

            // Eve hears of her own chat's message only, never Ann and Bob's.
            var eveFriend = await SignUpAsync(factory, "Fay");
            await BefriendAsync(eve, eveFriend);
            var eveChat = await DirectChatAsync(eveFriend, eve);
            await SendAsync(eveFriend, eveChat, new { text = "for Eve" });
            Assert.Equal("for Eve", (await NextAsync(eveMessages)).GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Messages_sent_while_disconnected_are_caught_up_after_the_last_id()
    {
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        await BefriendAsync(ann, bob);
        var chat = await DirectChatAsync(ann, bob);
        var (bobHub, bobMessages, _) = await ConnectAsync(bob);
        await SendAsync(ann, chat, new { text = "before" });
        var last = (await NextAsync(bobMessages)).GetProperty("id").GetInt64();
        await bobHub.DisposeAsync();

        await SendAsync(ann, chat, new { text = "while away 1" });
        await SendAsync(ann, chat, new { text = "while away 2" });

        var (again, againMessages, _) = await ConnectAsync(bob);
        await using (again)
        {
            var missed = await bob.Client.GetFromJsonAsync<JsonElement>($"/api/chats/sync?after={last}");
            Assert.Equal(["while away 1", "while away 2"], missed.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
            await SendAsync(ann, chat, new { text = "live again" });
            Assert.Equal("live again", (await NextAsync(againMessages)).GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Group_changes_are_announced_to_members_and_the_removed()
    {
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        await BefriendAsync(ann, bob);
        var (bobHub, _, bobConversations) = await ConnectAsync(bob);
        await using (bobHub)
        {
            var group = await GroupAsync(ann, "Walkers", bob);
            Assert.Equal("Walkers", (await NextAsync(bobConversations)).GetProperty("title").GetString());
            await ann.Client.DeleteAsync($"/api/chats/{group}/members/{bob.Id}");
            var removed = await NextAsync(bobConversations);
            Assert.DoesNotContain(removed.GetProperty("members").EnumerateArray(), m => m.GetProperty("id").GetString() == bob.Id);
        }
    }

    [Fact]
    public async Task The_hub_needs_sign_in()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/chat"), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await using (connection)
        {
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        }
    }
}
