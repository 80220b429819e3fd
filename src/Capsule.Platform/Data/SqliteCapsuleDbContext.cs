using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Capsule.Platform.Data;

public sealed class SqliteCapsuleDbContext(DbContextOptions<SqliteCapsuleDbContext> options) : CapsuleDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteCapsuleDbContext</c> build the context.</summary>
public sealed class SqliteCapsuleDbContextFactory : IDesignTimeDbContextFactory<SqliteCapsuleDbContext>
{
    public SqliteCapsuleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCapsuleDbContext>().UseSqlite("Data Source=design.db").Options);
}
