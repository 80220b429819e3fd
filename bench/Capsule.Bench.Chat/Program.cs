using System.Globalization;
using Capsule.Bench;
using Capsule.Bench.Chat;
using Capsule.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

// Chat on one node (docs/performance.md, "Chat"): Capsule's server in its own process holds hub connections for users
// in groups, and senders post messages through the HTTP API (saved, then pushed); every connection in the group
// records how long each message took from the send to its arrival. The baseline is plain SignalR in this process
// with the same connections, groups and senders, fanning out without sign-in or a database. Usage:
// Capsule.Bench.Chat [--users N] [--group-size N] [--connections-per-user N] [--senders N] [--seconds N] [--write-docs]
const string Usage = "usage: Capsule.Bench.Chat [--users N] [--group-size N] [--connections-per-user N] [--senders N] [--seconds N] [--write-docs]";
var users = 100;
var groupSize = 10;
var perUser = 20;
var senders = 20;
var seconds = 15;
var writeDocs = false;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--write-docs")
    {
        writeDocs = true;
        continue;
    }
    if (i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) || n <= 0)
    {
        Console.Error.WriteLine($"bench: {args[i]} needs a positive number\n{Usage}");
        return 2;
    }
    switch (args[i++])
    {
        case "--users": users = n; break;
        case "--group-size": groupSize = n; break;
        case "--connections-per-user": perUser = n; break;
        case "--senders": senders = n; break;
        case "--seconds": seconds = n; break;
        default:
            Console.Error.WriteLine($"bench: unknown argument {args[i - 1]}\n{Usage}");
            return 2;
    }
}
if (users % groupSize != 0)
{
    Console.Error.WriteLine($"bench: --users ({users}) must be a multiple of --group-size ({groupSize})");
    return 2;
}
var groups = users / groupSize;

using var data = new TempDirectory();
await using var server = await ServerProcess.StartAsync(data.Path, "http://127.0.0.1:0",
    "--Capsule:SignInPerMinute=10000", "--Capsule:MessagesPerMinute=1000000", "--Logging:LogLevel:Default=Warning");
var capsuleUrl = new Uri(server.Url);
Console.WriteLine($"Setting up {users} users in {groups} groups of {groupSize} on {capsuleUrl}…");
var people = new List<BenchUser>();
foreach (var chunk in Enumerable.Range(0, users).Chunk(8))
{
    people.AddRange(await Task.WhenAll(chunk.Select(n => CapsuleChat.SignUpAsync(capsuleUrl, n))));
}
var groupIds = await Task.WhenAll(Enumerable.Range(0, groups).Select(g => CapsuleChat.GroupAsync(people.Skip(g * groupSize).Take(groupSize).ToList(), $"Group {g}")));

async Task<(List<HubConnection> Connections, TimeSpan Took)> ConnectAllAsync(Func<int, Task<HubConnection>> connect)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var all = new List<HubConnection>();
    foreach (var chunk in Enumerable.Range(0, users * perUser).Chunk(64))
    {
        all.AddRange(await Task.WhenAll(chunk.Select(connect)));
    }
    return (all, clock.Elapsed);
}

async Task<TimeSpan> SendForAsync(Func<int, Task> send, TimeSpan duration)
{
    var until = DateTime.UtcNow + duration;
    var clock = System.Diagnostics.Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, senders).Select(async s =>
    {
        while (DateTime.UtcNow < until)
        {
            await send(s);
        }
    }));
    return clock.Elapsed;
}

static async Task DrainAsync(Delivery delivery, long expected)
{
    for (var i = 0; i < 100 && delivery.ReceivedCount < expected; i++)
    {
        await Task.Delay(50);
    }
}

// Capsule: sender s posts to group s % groups as one of its members.
var rssBefore = ServerMemory.ResidentBytes(server.ProcessId);
var capsuleDelivery = new Delivery();
var (capsuleConnections, capsuleConnectTime) = await ConnectAllAsync(c => CapsuleChat.ConnectAsync(capsuleUrl, people[c / perUser], capsuleDelivery));
var rssHeld = ServerMemory.ResidentBytes(server.ProcessId);
Console.WriteLine($"Capsule: {capsuleConnections.Count:N0} connections in {capsuleConnectTime.TotalSeconds:0.0} s");
BenchUser SenderOf(int s) => people[(s % groups * groupSize) + (s / groups % groupSize)];
long GroupOf(int s) => groupIds[s % groups];
await SendForAsync(s => CapsuleChat.SendAsync(SenderOf(s), GroupOf(s)), TimeSpan.FromSeconds(2));
await Task.Delay(500);
capsuleDelivery.Reset();
var capsuleTook = await SendForAsync(async s =>
{
    await CapsuleChat.SendAsync(SenderOf(s), GroupOf(s));
    capsuleDelivery.Sent();
}, TimeSpan.FromSeconds(seconds));
await DrainAsync(capsuleDelivery, capsuleDelivery.SentCount * groupSize * perUser);
await Task.WhenAll(capsuleConnections.Select(c => c.DisposeAsync().AsTask()));

// The baseline: the same shape on plain SignalR.
await using var bare = await BareHub.StartAsync();
var bareUrl = new Uri(bare.Urls.First() + "/hub");
var bareDelivery = new Delivery();
HubConnection BareConnection() => new HubConnectionBuilder()
    .WithUrl(bareUrl, o => { o.Transports = HttpTransportType.WebSockets; o.SkipNegotiation = true; })
    .Build();
var (bareConnections, bareConnectTime) = await ConnectAllAsync(async c =>
{
    var connection = BareConnection();
    connection.On<string>("message", text => bareDelivery.Received(text));
    await connection.StartAsync();
    await connection.InvokeAsync("Join", $"g{c / perUser / groupSize}");
    return connection;
});
var bareSenders = new List<HubConnection>();
for (var s = 0; s < senders; s++)
{
    var sender = BareConnection();
    await sender.StartAsync();
    bareSenders.Add(sender);
}
await SendForAsync(s => bareSenders[s].InvokeAsync("Send", $"g{s % groups}", Delivery.Stamp()), TimeSpan.FromSeconds(2));
await Task.Delay(500);
bareDelivery.Reset();
var bareTook = await SendForAsync(async s =>
{
    await bareSenders[s].InvokeAsync("Send", $"g{s % groups}", Delivery.Stamp());
    bareDelivery.Sent();
}, TimeSpan.FromSeconds(seconds));
await DrainAsync(bareDelivery, bareDelivery.SentCount * groupSize * perUser);
await Task.WhenAll(bareConnections.Concat(bareSenders).Select(c => c.DisposeAsync().AsTask()));

var result = new ChatResult(
    Machine.Describe(RepoPaths.Root), users, groupSize, perUser, senders, seconds,
    new ChatRun(capsuleConnections.Count, capsuleConnectTime, capsuleDelivery, capsuleTook),
    new ChatRun(bareConnections.Count, bareConnectTime, bareDelivery, bareTook),
    (rssHeld - rssBefore) / (double)capsuleConnections.Count);
var section = ChatReport.Section(result);
Console.WriteLine(section);
if (writeDocs)
{
    PerformanceDoc.WriteSection(Path.Combine(RepoPaths.Root, "docs", "performance.md"), ChatReport.Heading, section, "# Performance\n");
    Console.WriteLine("docs/performance.md updated.");
}
return 0;
