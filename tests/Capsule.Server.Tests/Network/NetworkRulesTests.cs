using System.Net;
using Capsule.Network;

namespace Capsule.Server.Tests.Network;

public sealed class NetworkRulesTests
{
    [Theory]
    [InlineData("https://api.example.com", "https://api.example.com/v1/x?q=1", true)]
    [InlineData("https://api.example.com", "https://API.EXAMPLE.COM/", true)]
    [InlineData("https://api.example.com", "https://api.example.com:443/", false)]
    [InlineData("https://api.example.com", "http://api.example.com/", false)]
    [InlineData("https://api.example.com", "https://sub.api.example.com/", false)]
    [InlineData("https://api.example.com", "https://api.example.com.evil.net/", false)]
    [InlineData("https://api.example.com", "https://user@api.example.com/", false)]
    [InlineData("https://api.example.com:8443", "https://api.example.com:8443/x", true)]
    [InlineData("https://api.example.com:8443", "https://api.example.com/x", false)]
    [InlineData("https://api.example.com", "wss://api.example.com/", false)]
    [InlineData("wss://ws.example.com", "wss://WS.example.com/chat?room=1", true)]
    [InlineData("wss://ws.example.com", "ws://ws.example.com/chat", false)]
    [InlineData("wss://ws.example.com", "https://ws.example.com/", false)]
    [InlineData("wss://ws.example.com:8443", "wss://ws.example.com/", false)]
    public void A_url_matches_an_entry_by_scheme_host_and_port_as_in_WeChat(string entry, string url, bool allowed)
    {
        var (origin, error) = DomainRules.Normalize(entry);
        Assert.Null(error);
        Assert.Equal(allowed, DomainRules.Allows([origin!], url));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700::1111", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    public void Only_public_addresses_may_be_reached(string address, bool allowed)
    {
        Assert.Equal(allowed, AddressPolicy.IsPublic(IPAddress.Parse(address)));
        Assert.Equal(allowed, AddressPolicy.Allowed(IPAddress.Parse(address), allowLoopback: false));
    }

    [Fact]
    public void Loopback_is_reachable_only_when_explicitly_allowed()
    {
        Assert.True(AddressPolicy.Allowed(IPAddress.Loopback, allowLoopback: true));
        Assert.True(AddressPolicy.Allowed(IPAddress.IPv6Loopback, allowLoopback: true));
        Assert.False(AddressPolicy.Allowed(IPAddress.Parse("10.0.0.1"), allowLoopback: true));
    }
}
