using System.Text.Json;
using Microsoft.Playwright;

namespace Capsule.E2E.Tests;

/// <summary>
/// wx.connectSocket, SocketTask and the global socket API through <c>capsule dev</c>'s relay, with the program's socket
/// domain mocked (<c>--mock wss://api.example.com=ws://…</c>) by <see cref="MockBackend"/>'s echo socket.
/// </summary>
public sealed class SocketTests(CapsuleFixture fixture, NetworkSimulator simulator) : BrowserTest(fixture), IClassFixture<NetworkSimulator>
{
    private async Task OpenAsync(IPage page)
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        await page.EvaluateAsync("() => capsule.navigateTo('/pages/socket/socket')");
    }

    private static async Task<JsonElement> TapAndWaitAsync(IPage page, string selector, string condition)
    {
        await page.EvaluateAsync("s => capsule.tap(s)", selector);
        await page.WaitForFunctionAsync($"() => {{ const d = capsule.data(); return {condition}; }}");
        return (await page.EvaluateAsync("() => capsule.data()"))!.Value;
    }

    private static string[] Log(JsonElement data) => [.. data.GetProperty("log").EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public Task A_SocketTask_carries_text_and_binary_both_ways_and_its_close_comes_back() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        var data = await TapAndWaitAsync(page, "#task", "d.late !== undefined");

        Assert.Equal(["open", "text hello abc chat", "text echo: hi", "binary 3,2,1", "closed 3001 done"], Log(data));
        Assert.Equal("connectSocket:ok number", data.GetProperty("connected").GetString());
        Assert.Equal("sendSocketMessage:ok", data.GetProperty("sent").GetString());
        Assert.Equal("closeSocket:ok", data.GetProperty("closing").GetString());
        Assert.Equal("sendSocketMessage:fail WebSocket is not connected", data.GetProperty("late").GetString());
    });

    [Fact]
    public Task The_global_API_acts_on_the_latest_socket_and_hears_the_backend_close_it() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        var data = await TapAndWaitAsync(page, "#global", "d.closeAgain !== undefined");

        Assert.Equal(["open", "closed 4000 server says bye"], Log(data));
        Assert.Equal("sendSocketMessage:fail WebSocket is not connected", data.GetProperty("early").GetString());
        Assert.Equal("closeSocket:fail WebSocket is not connected", data.GetProperty("closeAgain").GetString());
    });

    [Fact]
    public Task A_socket_outside_the_domain_list_fails_with_WeChats_errMsg() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        var data = await TapAndWaitAsync(page, "#refused", "d.refused !== undefined");

        Assert.Equal("connectSocket:fail url not in domain list", data.GetProperty("refused").GetString());
        Assert.Empty(Log(data));
    });

    [Fact]
    public Task At_most_five_sockets_are_open_at_once() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        var data = await TapAndWaitAsync(page, "#limit", "d.open === 5 && d.sixth !== undefined");

        Assert.Equal("5 connectSocket:fail reach max websocket connect count 5", data.GetProperty("sixth").GetString());
    });
}
