using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace DataJoint;

/// <summary>
/// Runs populate (docs/semantics.md#populate): finds the keys to make (directly, or from the job table), then lets one or
/// more workers make them, each key in its own transaction on the worker's own connection, held for all its keys.
/// </summary>
internal static class PopulateEngine
{
    /// <summary>The key source restricted by the populate restrictions (ANDed), after validating it against the target.</summary>
    public static QueryExpression Todo(AutoPopulated table, object[]? restrictions)
    {
        var keySource = table.KeySource ?? throw new DataJointException($"{table.TableDefinition.ClassName}.KeySource returned null.");
        foreach (var attribute in keySource.PrimaryKey)
        {
            if (!table.Heading.Contains(attribute))
            {
                throw new DataJointException($"The populate target lacks attribute `{attribute}` from the primary key of key_source: "
                    + $"{table.TableDefinition.ClassName} ({table.FullTableName}) has {string.Join(", ", table.Heading.Names)}. "
                    + "Fix the KeySource override so that its primary key uses the target's attributes.");
            }
        }

        foreach (var restriction in restrictions ?? [])
        {
            keySource = keySource.Restrict(restriction);
        }

        return keySource;
    }

    public static async ValueTask<PopulateResult> Run(AutoPopulated table, PopulateOptions options, object[]? restrictions, bool sync,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var className = table.TableDefinition.ClassName;
        if (table.IsRestricted)
        {
            throw new InvalidOperationException($"Cannot call populate on a restricted table ({className}). "
                + "Instead, pass conditions to Populate() as arguments.");
        }

        if (table.Connection.InTransaction)
        {
            throw new InvalidOperationException($"Populate cannot be called during a transaction ({className}): commit or dispose the transaction first.");
        }

        if (options.Parallelism < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Parallelism, "Parallelism must be at least 1.");
        if (options.MaxCalls < 0) throw new ArgumentOutOfRangeException(nameof(options), options.MaxCalls, "MaxCalls must not be negative.");

        var binding = table.Binding;
        binding.EnsureForm(table);
        var todo = Todo(table, restrictions);
        var uncovered = table.PrimaryKey.Where(k => !todo.Heading.Contains(k)).ToList();
        if (uncovered.Count > 0)
        {
            throw new DataJointException($"The key source of {className} lacks the primary-key attribute(s) "
                + $"{string.Join(", ", uncovered.Select(u => $"`{u}`"))}, so Make(Key) cannot be given a complete key. "
                + "Override KeySource to return every primary-key attribute of the table.");
        }

        var logger = PopulateLog.For(table.Connection.DataJointLoggers);
        return await Telemetry.Traced(Telemetry.Populate, table.Connection, table.FullTableName, async scope =>
        {
            var run = new PopulateRun(table, binding, options, logger, sync);
            try
            {
                return await Run(run, table, todo, binding, options, restrictions, scope.Activity, logger, sync, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await run.CloseSessions().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    private static async ValueTask<PopulateResult> Run(PopulateRun run, AutoPopulated table, QueryExpression todo, MakeBinding binding,
        PopulateOptions options, object[]? restrictions, Activity? activity, ILogger logger, bool sync, CancellationToken cancellationToken)
    {
        var className = table.TableDefinition.ClassName;
        if (options.ReserveJobs)
        {
            run.Jobs = table.Jobs;
            try
            {
                await PrepareJobs(run, table, options, restrictions, sync, cancellationToken).ConfigureAwait(false);
            }
            catch (MissingTableException) when (!table.Connection.InTransaction)
            {
                // Dropped by another process since this connection declared it: declare it again and carry on.
                table.Connection.ForgetTable(table.Schema.Name, run.Jobs.SqlTableName);
                await run.CloseSessions().ConfigureAwait(false);
                await PrepareJobs(run, table, options, restrictions, sync, cancellationToken).ConfigureAwait(false);
            }
        }

        run.WriteJobMetadata = await JobMetadata.Present(table, sync, cancellationToken).ConfigureAwait(false);
        var keys = await FindKeys(table, todo, run.Jobs, options, binding, sync, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("datajoint.keys", keys.Count);
        var workers = Math.Max(1, Math.Min(options.Parallelism, keys.Count));
        PopulateLog.Started(logger, className, keys.Count, workers, options.ReserveJobs);
        if (options.DisplayProgress)
        {
            await ProgressDisplay.Run(className, keys.Count, reporter =>
            {
                run.Display = reporter;
                return run.Execute(keys, workers, cancellationToken);
            }).ConfigureAwait(false);
        }
        else
        {
            await run.Execute(keys, workers, cancellationToken).ConfigureAwait(false);
        }

        PopulateLog.Finished(logger, className, run.Succeeded, run.Failed, run.Skipped, (long)run.Elapsed.TotalMilliseconds);
        activity?.SetTag("datajoint.succeeded", run.Succeeded);
        activity?.SetTag("datajoint.failed", run.Failed);
        return new PopulateResult(run.Succeeded, run.Errors);
    }

    /// <summary>
    /// Declares the job table, opens the workers' sessions, and refreshes the queue, or without a refresh at least frees
    /// the keys of workers that are gone (a refresh does that itself).
    /// </summary>
    private static async ValueTask PrepareJobs(PopulateRun run, AutoPopulated table, PopulateOptions options, object[]? restrictions, bool sync,
        CancellationToken cancellationToken)
    {
        var jobs = run.Jobs!;
        await jobs.EnsureDeclared(sync, cancellationToken).ConfigureAwait(false);
        await run.OpenSessions(options.MaxCalls is { } calls ? Math.Min(calls, options.Parallelism) : options.Parallelism, cancellationToken)
            .ConfigureAwait(false);
        if (options.Refresh ?? table.Connection.Config.Jobs.AutoRefresh)
        {
            // Due immediately (delay -1 as DataJoint), so this worker can reserve what it just added.
            var refresh = new JobRefreshOptions { Delay = -1, Priority = options.Priority };
            await jobs.RefreshCore(refresh, restrictions ?? [], sync, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await jobs.ReclaimCore(sync, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask<List<IRecord>> FindKeys(AutoPopulated table, QueryExpression todo, JobTable? jobs, PopulateOptions options,
        MakeBinding binding, bool sync, CancellationToken cancellationToken)
    {
        if (options.MaxCalls == 0) return [];
        SqlStatement select;
        if (jobs is not null)
        {
            var missing = table.PrimaryKey.Where(k => !jobs.Heading.Contains(k)).ToList();
            if (missing.Count > 0)
            {
                throw new DataJointException($"Cannot populate {table.TableDefinition.ClassName} with ReserveJobs: its primary-key attribute(s) "
                    + $"{string.Join(", ", missing)} do not come from a foreign key, so its job table cannot hold them.");
            }

            var candidates = ((QueryExpression)jobs)
                .Restrict("status = 'pending' AND scheduled_time <= " + table.Connection.Adapter.Now, semanticCheck: false)
                .Restrict(KeyProjection.Of(todo, jobs.Heading.PrimaryKey.Where(todo.Heading.Contains).ToList()), semanticCheck: false);
            if (options.Priority is { } priority)
            {
                candidates = candidates.Restrict("priority <= " + priority.ToString(CultureInfo.InvariantCulture), semanticCheck: false);
            }

            select = QuerySqlGenerator.Select(candidates, table.Connection.Adapter, table.PrimaryKey, distinct: false, "priority, scheduled_time, KEY",
                options.MaxCalls);
        }
        else
        {
            var remaining = todo.RestrictNot(KeyProjection.Of(table, table.PrimaryKey), semanticCheck: false);
            // Ordered by key where the select list allows it (PostgreSQL needs ORDER BY columns in a DISTINCT select).
            var orderable = remaining.PrimaryKey.All(table.PrimaryKey.Contains);
            select = QuerySqlGenerator.Select(remaining, table.Connection.Adapter, table.PrimaryKey, distinct: true,
                orderable && remaining.PrimaryKey.Count > 0 ? "KEY" : null, options.MaxCalls);
        }

        return await SyncOrAsync.ReadAll(table.Connection, select, $"Finding keys to populate {table.FullTableName}", binding.ReadKey, sync,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Text of a key for logs and spans: <c>subject_id=1, session_idx=2</c>.</summary>
    internal static string Describe(IRecord key) =>
        string.Join(", ", key.GetAttributeValues().Select(kv => $"{kv.Key}={Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}"));

    /// <summary>The state of one populate call shared by its workers.</summary>
    private sealed class PopulateRun(AutoPopulated table, MakeBinding binding, PopulateOptions options, ILogger logger, bool sync)
    {
        private readonly ConcurrentQueue<PopulateError> _errors = new();
        private readonly ConcurrentBag<HeldSession> _ready = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _succeeded;
        private int _failed;
        private int _skipped;
        private int _done;
        private int _total;
        private volatile bool _stop;

        public JobTable? Jobs { get; set; }

        public bool WriteJobMetadata { get; set; }

        public IProgress<PopulateProgress>? Display { get; set; }

        public int Succeeded => _succeeded;

        public int Failed => _failed;

        public int Skipped => _skipped;

        public TimeSpan Elapsed => _clock.Elapsed;

        public IReadOnlyList<PopulateError> Errors => _errors.ToList();

        public async ValueTask<bool> Execute(List<IRecord> keys, int workers, CancellationToken cancellationToken)
        {
            _total = keys.Count;
            var queue = new ConcurrentQueue<IRecord>(keys);
            if (workers == 1)
            {
                await Work(queue, cancellationToken).ConfigureAwait(false);
                return true;
            }

            // Each worker runs in its own async flow, so each holds its own connection and opens its own transactions on it.
            // Synchronous workers block on database calls, so they get their own threads instead of pool threads.
            var tasks = Enumerable.Range(0, workers).Select(_ => sync
                ? Task.Factory.StartNew(() => SyncOrAsync.Wait(Work(queue, cancellationToken)), CancellationToken.None,
                    TaskCreationOptions.LongRunning, TaskScheduler.Default)
                : Task.Run(() => Work(queue, cancellationToken).AsTask(), CancellationToken.None)).ToArray();
            var all = Task.WhenAll(tasks);
            if (sync) all.GetAwaiter().GetResult();
            else await all.ConfigureAwait(false);
            return true;
        }

        /// <summary>
        /// Opens the workers' sessions before the keys are chosen: taking a session frees the reservations a reused session id
        /// still carries (<see cref="JobTable.ReleaseSessionCore"/>), and this run should find those keys.
        /// </summary>
        public async ValueTask OpenSessions(int count, CancellationToken cancellationToken)
        {
            for (var i = 0; i < count; i++) _ready.Add(await NewSession(cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Returns the sessions no worker took.</summary>
        public async ValueTask CloseSessions()
        {
            while (_ready.TryTake(out var session)) await session.Dispose(sync).ConfigureAwait(false);
        }

        private async ValueTask<HeldSession> TakeSession(CancellationToken cancellationToken) =>
            _ready.TryTake(out var session) ? session : await NewSession(cancellationToken).ConfigureAwait(false);

        private async ValueTask<HeldSession> NewSession(CancellationToken cancellationToken)
        {
            var session = await HeldSession.Open(table.Connection, identify: Jobs is not null, sync, cancellationToken).ConfigureAwait(false);
            if (Jobs is null) return session;
            try
            {
                await Jobs!.ReleaseSessionCore(session, sync, cancellationToken).ConfigureAwait(false);
                return session;
            }
            catch
            {
                await session.Dispose(sync).ConfigureAwait(false);
                throw;
            }
        }

        private async ValueTask Work(ConcurrentQueue<IRecord> queue, CancellationToken cancellationToken)
        {
            var worker = new Worker(TakeSession);
            try
            {
                while (!_stop && queue.TryDequeue(out var key))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // Held here, in the worker's own frame, so the hold covers its keys (a dead session is replaced first).
                    if (worker.Current is not { IsUsable: true }) await worker.Replace(sync, cancellationToken).ConfigureAwait(false);
                    table.Connection.Hold(worker.Current);
                    await MakeOne(key, worker, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                await worker.End(Jobs, sync).ConfigureAwait(false);
            }
        }

        private async ValueTask MakeOne(IRecord key, Worker worker, CancellationToken cancellationToken)
        {
            var className = table.TableDefinition.ClassName;
            using var scope = Telemetry.Start(Telemetry.Make, table.Connection, table.FullTableName);
            var started = Stopwatch.GetTimestamp();
            var startedAt = DateTime.Now;
            var connection = table.Connection;
            Transaction? transaction = null;
            var reserved = false;
            try
            {
                worker.ThrowIfNoSession();
                if (Jobs is not null)
                {
                    if (!await Jobs.ReserveCore(key, worker.Current, sync, cancellationToken).ConfigureAwait(false))
                    {
                        Skip(scope, className, Describe(key), "reserved by another worker");
                        return;
                    }

                    reserved = true;
                }

                var done = table.Restrict(key);
                bool insertedKey;
                if (binding.IsThreePart)
                {
                    if (await SyncOrAsync.Exists(done, sync, cancellationToken).ConfigureAwait(false))
                    {
                        await Already(key, scope, className).ConfigureAwait(false);
                        return;
                    }

                    // MakeFetch and MakeCompute run outside the transaction on pooled connections, as before the worker held
                    // one: they may run statements concurrently, which one connection cannot.
                    var held = connection.Held;
                    connection.Hold(null);
                    object? fetched;
                    object? computed;
                    try
                    {
                        fetched = await binding.FetchAsync(table, key, sync, cancellationToken).ConfigureAwait(false);
                        computed = await binding.ComputeAsync(table, key, fetched, sync, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        connection.Hold(held);
                    }

                    transaction = sync ? connection.Transaction() : await connection.TransactionAsync(cancellationToken).ConfigureAwait(false);
                    var refetched = await binding.FetchAsync(table, key, sync, cancellationToken).ConfigureAwait(false);
                    if (!FetchedComparer.AreEqual(fetched, refetched))
                    {
                        throw new DataJointException("Referential integrity failed! The `make_fetch` data has changed "
                            + $"(upstream data of {className} {Describe(key)} changed between MakeFetch and MakeInsert; populate again).");
                    }

                    using (var make = MakeScope.Enter(table, key))
                    {
                        await binding.InsertAsync(table, key, computed, sync, cancellationToken).ConfigureAwait(false);
                        insertedKey = make.InsertedKey;
                    }
                }
                else
                {
                    transaction = sync ? connection.Transaction() : await connection.TransactionAsync(cancellationToken).ConfigureAwait(false);
                    if (await SyncOrAsync.Exists(done, sync, cancellationToken).ConfigureAwait(false))
                    {
                        await SyncOrAsync.Dispose(transaction, sync).ConfigureAwait(false);
                        await Already(key, scope, className).ConfigureAwait(false);
                        return;
                    }

                    using (var make = MakeScope.Enter(table, key))
                    {
                        await binding.MakeAsync(table, key, sync, cancellationToken).ConfigureAwait(false);
                        insertedKey = make.InsertedKey;
                    }
                }

                // DataJoint does not check this; a Make that forgets its key (or inserts another one instead) would
                // otherwise be reported as a success and its key retried forever. Known from Make's own insert, the
                // server is asked only when Make wrote the key some other way (or not at all).
                if (!insertedKey && !await SyncOrAsync.Exists(done, sync, cancellationToken).ConfigureAwait(false))
                {
                    throw new DataJointException($"Make of {className} did not insert its key ({Describe(key)}) into {table.FullTableName}. "
                        + "Make must insert the row(s) for the key it is given.");
                }

                // Not cancellable: once Make has finished, the key is either committed whole or not at all.
                await SyncOrAsync.Commit(transaction, sync, CancellationToken.None).ConfigureAwait(false);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                Interlocked.Increment(ref _succeeded);
                if (WriteJobMetadata)
                {
                    await JobMetadata.Write(table, key, startedAt, seconds, connection.Config.Jobs.Version, sync).ConfigureAwait(false);
                }

                // The key is made; a job row left behind by a lost connection here is reclaimed later and then found made.
                if (Jobs is not null) await BestEffort(Jobs.CompleteCore(key, seconds, sync, CancellationToken.None)).ConfigureAwait(false);
                scope.Outcome("success");
                // The key's text is built only when something reads it: most keys succeed unlogged.
                if (logger.IsEnabled(LogLevel.Debug)) PopulateLog.KeyMade(logger, className, Describe(key), seconds * 1000);
                Report();
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                if (transaction is not null) await SyncOrAsync.Dispose(transaction, sync).ConfigureAwait(false);
                if (reserved) await BestEffort(Jobs!.ReleaseCore(key, worker.Current, "", sync, CancellationToken.None)).ConfigureAwait(false);
                scope.Fail(ex);
                scope.Outcome("cancelled");
                PopulateLog.KeyCancelled(logger, className, Describe(key));
                throw;
            }
            catch (Exception ex)
            {
                if (transaction is not null) await SyncOrAsync.Dispose(transaction, sync).ConfigureAwait(false);
                if (ex is LostConnectionException)
                {
                    // Not the key's fault: the key goes back to the queue (the server rolled its transaction back). If even
                    // that fails, the reservation's session is gone by now and the next refresh reclaims it.
                    if (reserved)
                    {
                        await BestEffort(Jobs!.ReleaseCore(key, worker.Current, $"{ex.GetType().Name}: {ex.Message}", sync,
                            CancellationToken.None))
                            .ConfigureAwait(false);
                    }

                    await worker.Drop(sync).ConfigureAwait(false);
                }
                else if (reserved)
                {
                    await BestEffort(Jobs!.ErrorCore(key, $"{ex.GetType().Name}: {ex.Message}", ex.ToString(), sync, CancellationToken.None))
                        .ConfigureAwait(false);
                }

                Interlocked.Increment(ref _failed);
                scope.Fail(ex);
                scope.Outcome("error");
                PopulateLog.KeyFailed(logger, ex, className, Describe(key));
                Report();
                if (!options.SuppressErrors)
                {
                    _stop = true;
                    throw;
                }

                _errors.Enqueue(new PopulateError(key, ex));
            }
            finally
            {
                if (transaction is not null) await SyncOrAsync.Dispose(transaction, sync).ConfigureAwait(false);
            }
        }

        /// <summary>A job-table update whose failure from a lost connection must not replace the outcome being reported.</summary>
        private static async ValueTask BestEffort(ValueTask update)
        {
            try
            {
                await update.ConfigureAwait(false);
            }
            catch (LostConnectionException)
            {
            }
        }

        private async ValueTask Already(IRecord key, OperationScope scope, string className)
        {
            if (Jobs is not null) await Jobs.CompleteCore(key, null, sync, CancellationToken.None).ConfigureAwait(false);
            Skip(scope, className, Describe(key), "already populated");
        }

        /// <summary>One worker's held session: opened before its first key, replaced after a lost connection.</summary>
        private sealed class Worker(Func<CancellationToken, ValueTask<HeldSession>> take)
        {
            private HeldSession? _session;
            private ExceptionDispatchInfo? _failure;

            public HeldSession? Current => _session;

            /// <summary>
            /// Drops the current session and takes another. A failure (the server is away) is kept for the next key, which
            /// then fails with it as its first statement would have.
            /// </summary>
            public async ValueTask Replace(bool sync, CancellationToken cancellationToken)
            {
                await Drop(sync).ConfigureAwait(false);
                try
                {
                    _session = await take(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _failure = ExceptionDispatchInfo.Capture(ex);
                }
            }

            /// <summary>Throws the failure of the last <see cref="Replace"/>, once.</summary>
            public void ThrowIfNoSession()
            {
                var failure = _failure;
                _failure = null;
                failure?.Throw();
            }

            /// <summary>Forgets a session that may be dead; the next key opens a new one.</summary>
            public async ValueTask Drop(bool sync)
            {
                if (_session is null) return;
                await _session.Dispose(sync).ConfigureAwait(false);
                _session = null;
            }

            /// <summary>Releases what the worker still holds and returns its session.</summary>
            public async ValueTask End(JobTable? jobs, bool sync)
            {
                if (_session is null) return;
                if (jobs is not null) await BestEffort(jobs.ReleaseSessionCore(_session, sync, CancellationToken.None)).ConfigureAwait(false);
                await Drop(sync).ConfigureAwait(false);
            }
        }

        private void Skip(OperationScope scope, string className, string keyText, string reason)
        {
            Interlocked.Increment(ref _skipped);
            scope.Outcome("skipped");
            PopulateLog.KeySkipped(logger, className, keyText, reason);
            Report();
        }

        private void Report()
        {
            var done = Interlocked.Increment(ref _done);
            if (options.Progress is null && Display is null) return;
            var report = new PopulateProgress(table.TableDefinition.ClassName, done, _total, _succeeded, _failed, _clock.Elapsed);
            options.Progress?.Report(report);
            Display?.Report(report);
        }
    }
}
