using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Capsule.Platform.Data;

public sealed class PostgresCapsuleDbContext(DbContextOptions<PostgresCapsuleDbContext> options) : CapsuleDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresCapsuleDbContext</c> build the context.</summary>
public sealed class PostgresCapsuleDbContextFactory : IDesignTimeDbContextFactory<PostgresCapsuleDbContext>
{
    public PostgresCapsuleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCapsuleDbContext>().UseNpgsql("Host=localhost;Database=capsule").Options);
}
