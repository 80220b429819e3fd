using System.Globalization;
using System.Text;

namespace Capsule.Bench.Chat;

/// <param name="Connections">Hub connections held at once.</param>
/// <param name="ConnectTime">How long opening all of them took.</param>
/// <param name="Delivery">What the measured seconds sent and delivered.</param>
/// <param name="Took">The measured seconds, exactly.</param>
public sealed record ChatRun(int Connections, TimeSpan ConnectTime, Delivery Delivery, TimeSpan Took)
{
    public double SentPerSecond => Delivery.SentCount / Took.TotalSeconds;

    public double DeliveredPerSecond => Delivery.ReceivedCount / Took.TotalSeconds;
}

public sealed record ChatResult(Machine Machine, int Users, int GroupSize, int PerUser, int Senders, int Seconds, ChatRun Capsule, ChatRun Bare, double BytesPerConnection);

/// <summary>The "Chat" section of docs/performance.md.</summary>
public static class ChatReport
{
    public const string Heading = "## Chat: SignalR on one node";

    private static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Section(ChatResult r)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading);
        text.AppendLine($"""
            `dotnet run -c Release --project bench/Capsule.Bench.Chat -- --write-docs` starts the real server (SQLite) in its
            own process, signs up {r.Users} users through the API, makes them friends in {r.Users / r.GroupSize} groups of {r.GroupSize},
            and opens {r.PerUser} WebSocket hub connections per user ({N(r.Capsule.Connections)} in all, as if each person had
            several devices). Then {r.Senders} senders post to the groups through `POST /api/chats/{"{id}"}/messages` in a closed
            loop for {r.Seconds} s; each message is saved and pushed to every connection of every member, which records the time
            from the send to its arrival. The baseline is plain SignalR in the benchmark's own process with the same connections,
            groups and senders, fanning out from a hub method with no sign-in and no database. Clients and server share the
            machine's cores, so both sides of each figure pay for the clients too.
            """);
        text.AppendLine();
        text.AppendLine($"Last run: {r.Machine.Cpu}, {r.Machine.ProcessorCount} cores, {r.Machine.Os}, {r.Machine.Runtime}; load average {r.Machine.LoadAverage}; commit {r.Machine.Commit}.");
        text.AppendLine("A load average above the number of cores means other work shared the CPU during the run: the absolute figures");
        text.AppendLine("then say little, and the Capsule ÷ baseline column, measured in the same run, is the one to compare.");
        text.AppendLine();
        text.AppendLine("| measure | Capsule | plain SignalR | Capsule ÷ baseline |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        text.AppendLine($"| connections held | {N(r.Capsule.Connections)} | {N(r.Bare.Connections)} | |");
        text.AppendLine($"| time to open them all | {N(r.Capsule.ConnectTime.TotalSeconds, "0.0")} s | {N(r.Bare.ConnectTime.TotalSeconds, "0.0")} s | {N(r.Capsule.ConnectTime / r.Bare.ConnectTime, "0.00")}× |");
        text.AppendLine($"| messages sent per second | {N(r.Capsule.SentPerSecond)} | {N(r.Bare.SentPerSecond)} | {N(r.Capsule.SentPerSecond / r.Bare.SentPerSecond, "0.00")}× |");
        text.AppendLine($"| deliveries per second (to connections) | {N(r.Capsule.DeliveredPerSecond)} | {N(r.Bare.DeliveredPerSecond)} | {N(r.Capsule.DeliveredPerSecond / r.Bare.DeliveredPerSecond, "0.00")}× |");
        text.AppendLine($"| send → arrival, p50 | {N(r.Capsule.Delivery.Percentile(0.5), "0.0")} ms | {N(r.Bare.Delivery.Percentile(0.5), "0.0")} ms | {N(r.Capsule.Delivery.Percentile(0.5) / r.Bare.Delivery.Percentile(0.5), "0.00")}× |");
        text.AppendLine($"| send → arrival, p99 | {N(r.Capsule.Delivery.Percentile(0.99), "0.0")} ms | {N(r.Bare.Delivery.Percentile(0.99), "0.0")} ms | {N(r.Capsule.Delivery.Percentile(0.99) / r.Bare.Delivery.Percentile(0.99), "0.00")}× |");
        text.AppendLine();
        text.AppendLine($"The server's resident memory grew by {N(r.BytesPerConnection / 1024, "0.0")} KB per held connection.");
        return text.ToString();
    }
}
