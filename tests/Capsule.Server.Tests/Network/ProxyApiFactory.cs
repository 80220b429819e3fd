using Capsule.Network;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Server.Tests.Network;

/// <summary>
/// The server with a local HTTPS upstream: loopback is allowed through <c>Capsule:Proxy:AllowLoopback</c> (off by
/// default), the upstream's test certificate is trusted, and responses are capped at 64 KiB.
/// </summary>
public sealed class ProxyApiFactory : CapsuleApiFactory, IAsyncLifetime
{
    public const int MaxResponseBytes = 64 * 1024;

    public TlsUpstream Upstream { get; private set; } = null!;

    public async Task InitializeAsync() => Upstream = await TlsUpstream.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Upstream.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Capsule:Proxy:AllowLoopback", "true");
        builder.UseSetting("Capsule:Proxy:MaxResponseBytes", MaxResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Capsule:Proxy:MaxRequestBytes", "16384");
        builder.ConfigureTestServices(services => services.AddHttpClient(OutboundProxy.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler((handler, _) => ((SocketsHttpHandler)handler).SslOptions.RemoteCertificateValidationCallback =
                (_, certificate, _, errors) => errors == System.Net.Security.SslPolicyErrors.None || certificate?.GetCertHashString() == Upstream.Certificate.GetCertHashString()));
    }
}
