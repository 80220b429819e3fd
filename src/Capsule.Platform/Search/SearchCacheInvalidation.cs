using System.Data.Common;
using System.Runtime.CompilerServices;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Capsule.Platform.Search;

/// <summary>
/// Drops the cached search answers that a saved change to a program may alter: for every program added, changed or
/// deleted, the answers for its normalized name before and after. It acts once the change is committed: after the save,
/// and again when an explicit transaction around it commits, so a search that read the old row meanwhile is not kept.
/// Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> on programs bypass it; none is used.
/// </summary>
public sealed class SearchCacheInvalidation(SearchCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, string[]> _saving = [];
    private readonly ConditionalWeakTable<DbTransaction, List<string>> _uncommitted = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Saved(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.ChangeTracker.Entries<MiniProgram>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                names.Add(entry.Entity.NormalizedName);
                if (entry.State != EntityState.Added)
                {
                    names.Add(entry.Property(p => p.NormalizedName).OriginalValue);
                }
            }
        }
        if (names.Count > 0)
        {
            _saving.AddOrUpdate(context, [.. names]);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var names))
        {
            return;
        }
        _saving.Remove(context);
        foreach (var name in names)
        {
            cache.Forget(name);
        }
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            lock (_uncommitted)
            {
                _uncommitted.GetOrCreateValue(transaction).AddRange(names);
            }
        }
    }

    private void Committed(DbTransaction transaction)
    {
        List<string>? names;
        lock (_uncommitted)
        {
            if (!_uncommitted.TryGetValue(transaction, out names))
            {
                return;
            }
            _uncommitted.Remove(transaction);
        }
        foreach (var name in names)
        {
            cache.Forget(name);
        }
    }
}
