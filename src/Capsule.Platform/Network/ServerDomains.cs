using Capsule.Network;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Network;

/// <summary>A program's four server domain lists, as WeChat's "server domain" settings.</summary>
public sealed record DomainLists(string[] Request, string[] UploadFile, string[] DownloadFile, string[] Socket)
{
    public string[] this[DomainKind kind] => kind switch
    {
        DomainKind.Request => Request,
        DomainKind.UploadFile => UploadFile,
        DomainKind.DownloadFile => DownloadFile,
        _ => Socket,
    };
}

/// <summary>Reads and replaces a program's server domain lists.</summary>
public sealed class ServerDomains(CapsuleDbContext db)
{
    public async Task<DomainLists> ListsAsync(long programId, CancellationToken cancellationToken)
    {
        var all = await db.ServerDomains.AsNoTracking().Where(d => d.MiniProgramId == programId).ToListAsync(cancellationToken);
        string[] Of(DomainKind kind) => [.. all.Where(d => d.Kind == kind).Select(d => d.Origin).Order(StringComparer.Ordinal)];
        return new DomainLists(Of(DomainKind.Request), Of(DomainKind.UploadFile), Of(DomainKind.DownloadFile), Of(DomainKind.Socket));
    }

    public Task<string[]> ListAsync(long programId, DomainKind kind, CancellationToken cancellationToken) =>
        db.ServerDomains.AsNoTracking().Where(d => d.MiniProgramId == programId && d.Kind == kind).Select(d => d.Origin).ToArrayAsync(cancellationToken);

    /// <summary>Checks every entry; errors by list name, or the normalized lists (duplicates dropped).</summary>
    public static (DomainLists? Lists, Dictionary<string, string[]> Errors) Validate(string[]? request, string[]? uploadFile, string[]? downloadFile, string[]? socket)
    {
        var errors = new Dictionary<string, string[]>();
        string[] Check(string name, DomainKind kind, string[]? entries)
        {
            entries ??= [];
            var problems = new List<string>();
            if (entries.Length > DomainRules.MaxEntries)
            {
                problems.Add($"At most {DomainRules.MaxEntries} domains per list.");
            }
            var origins = new List<string>();
            foreach (var entry in entries)
            {
                var (origin, error) = DomainRules.Normalize(entry ?? "", kind);
                if (error is not null)
                {
                    problems.Add(error);
                }
                else if (!origins.Contains(origin!))
                {
                    origins.Add(origin!);
                }
            }
            if (problems.Count > 0)
            {
                errors[name] = [.. problems];
            }
            return [.. origins];
        }
        var lists = new DomainLists(
            Check("request", DomainKind.Request, request),
            Check("uploadFile", DomainKind.UploadFile, uploadFile),
            Check("downloadFile", DomainKind.DownloadFile, downloadFile),
            Check("socket", DomainKind.Socket, socket));
        return (errors.Count == 0 ? lists : null, errors);
    }

    /// <summary>Replaces all four lists in one save.</summary>
    public async Task SetAsync(MiniProgram program, DomainLists lists, CancellationToken cancellationToken)
    {
        db.ServerDomains.RemoveRange(await db.ServerDomains.Where(d => d.MiniProgramId == program.Id).ToListAsync(cancellationToken));
        foreach (var kind in Enum.GetValues<DomainKind>())
        {
            db.ServerDomains.AddRange(lists[kind].Select(origin => new ServerDomain { MiniProgramId = program.Id, Kind = kind, Origin = origin }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
