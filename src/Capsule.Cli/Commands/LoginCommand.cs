using System.CommandLine;
using System.Net;
using System.Text.Json;

namespace Capsule.Cli.Commands;

/// <summary><c>capsule login --server URL --token cpat_…</c>: checks a personal access token and saves it for later commands.</summary>
public static class LoginCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "The Capsule server, e.g. https://capsule.example.com", Required = true };
        var token = new Option<string?>("--token") { Description = "A personal access token (cpat_…) from your account; default: $CAPSULE_TOKEN" };
        var command = new Command("login", "Save a personal access token for upload and other server commands") { server, token };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var secret = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("CAPSULE_TOKEN");
            if (string.IsNullOrWhiteSpace(secret))
            {
                await error.WriteLineAsync("capsule: give a token with --token or $CAPSULE_TOKEN (create one under your account)");
                return ExitCodes.BadInput;
            }
            if (!Uri.TryCreate(parse.GetValue(server), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                await error.WriteLineAsync("capsule: --server must be an http or https URL");
                return ExitCodes.BadInput;
            }
            var credentials = new Credentials(uri.ToString().TrimEnd('/'), secret.Trim());
            using var client = credentials.CreateClient();
            HttpResponseMessage response;
            try
            {
                response = await client.GetAsync("api/account/me", cancellationToken);
            }
            catch (HttpRequestException e)
            {
                await error.WriteLineAsync($"capsule: cannot reach {credentials.Server}: {e.Message}");
                return ExitCodes.ServerRefused;
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await error.WriteLineAsync("capsule: the server does not accept this token");
                return ExitCodes.ServerRefused;
            }
            if (!response.IsSuccessStatusCode)
            {
                await error.WriteLineAsync($"capsule: {credentials.Server} answered {(int)response.StatusCode}");
                return ExitCodes.ServerRefused;
            }
            using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            credentials.Save();
            await output.WriteLineAsync($"Signed in to {credentials.Server} as {me.RootElement.GetProperty("nickname").GetString()} ({me.RootElement.GetProperty("email").GetString()})");
            return ExitCodes.Success;
        });
        return command;
    }
}
