using Capsule.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCapsuleServer();
var app = builder.Build();
app.UseCapsuleServer();
return await app.RunCapsuleAsync();

/// <summary>The server's entry point, visible to integration tests.</summary>
public partial class Program;
