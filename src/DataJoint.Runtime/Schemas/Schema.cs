using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DataJoint.Definition;

namespace DataJoint;

/// <summary>
/// A database schema on one connection. Binds table classes (<see cref="Table{T}()"/>), declaring them when
/// missing, and drops the whole schema.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The declaration semaphore never allocates a wait handle (only Wait/WaitAsync/Release are used), so there is nothing to dispose.")]
public sealed partial class Schema
{
    private readonly ConcurrentDictionary<TableDefinition, Heading> _declared = new();
    private readonly ConcurrentDictionary<Type, UserTable> _handles = new();
    private readonly IReadOnlyList<Schema> _upstream;
    // Declarations are serialised per schema; a semaphore because the async path awaits while holding it.
    private readonly SemaphoreSlim _declareLock = new(1, 1);
    // What this object last saw on the server: null until checked, created or dropped through it.
    private volatile StrongBox<bool>? _exists;

    /// <summary>A schema handle; nothing is sent to the server (<see cref="Open"/> checks and creates it).</summary>
    internal Schema(Connection connection, string name, bool? createTables, IReadOnlyList<Schema>? upstream = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Connection = connection;
        Name = name;
        CreateTables = createTables ?? connection.Config.Database.CreateTables;
        _upstream = upstream ?? [];
    }

    /// <summary>Checks that the schema exists on the server, creating it when <paramref name="createSchema"/> allows.</summary>
    /// <exception cref="DataJointException">The schema does not exist and may not be created.</exception>
    internal async ValueTask<Schema> Open(bool createSchema, bool sync, CancellationToken cancellationToken)
    {
        if (await ExistsCore(sync, cancellationToken).ConfigureAwait(false)) return this;
        if (!createSchema)
        {
            throw new DataJointException($"Schema `{Name}` has not yet been declared on the {Connection.Description}. "
                + "Pass createSchema: true to create it.");
        }

        await SyncOrAsync.Execute(Connection, new SqlStatement(Connection.Adapter.CreateSchema(Name), []), $"Creating schema `{Name}`", sync, cancellationToken)
            .ConfigureAwait(false);
        Observed(exists: true);
        return this;
    }

    /// <summary>The schema (database) name.</summary>
    public string Name { get; }

    /// <summary>The connection the schema lives on.</summary>
    public Connection Connection { get; }

    /// <summary>Whether missing tables are declared when bound.</summary>
    public bool CreateTables { get; }

    /// <summary>
    /// Whether the schema existed when this object last saw it, without asking the server: true once opened or created
    /// (<c>inst.Schema</c>/<c>SchemaAsync</c>) or once a table was read through it, false after <see cref="Drop"/>, and
    /// whatever <see cref="CheckExists"/>/<see cref="ExistsAsync"/> last found. Another process may have changed it since;
    /// ask the server with <see cref="ExistsAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">This object has not seen the schema yet (a handle made by a <see cref="FreeTable"/>).</exception>
    public bool Exists => _exists?.Value ?? throw new InvalidOperationException(
        $"Schema `{Name}` has not been checked through this object yet: call CheckExists() or await ExistsAsync() to ask the server.");

    /// <summary>Asks the server whether the schema exists (and updates <see cref="Exists"/>).</summary>
    public bool CheckExists() => SyncOrAsync.Wait(ExistsCore(sync: true, CancellationToken.None));

    /// <summary>Asks the server whether the schema exists (and updates <see cref="Exists"/>).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await ExistsCore(sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<bool> ExistsCore(bool sync, CancellationToken cancellationToken)
    {
        var exists = await SyncOrAsync.ReadScalar<long>(Connection, new SqlStatement(Connection.Adapter.SchemaExists, [Name]), $"Checking schema `{Name}`",
            sync, cancellationToken).ConfigureAwait(false) == 1;
        Observed(exists);
        return exists;
    }

    /// <summary>Records what an operation through this object learned about the schema's existence.</summary>
    internal void Observed(bool exists) => _exists = new StrongBox<bool>(exists);

    /// <summary>
    /// The table class <typeparamref name="T"/> bound to this schema, declared first if it does not exist
    /// (its parents too: in this schema, or in an upstream schema where they are already bound). Lookup
    /// contents are inserted. The handle is cached and immutable.
    /// </summary>
    public T Table<T>() where T : UserTable, new() => Table<T>(Validation.Strict);

    /// <summary>
    /// As <see cref="Table{T}()"/>, choosing what happens when an existing table (or one of its parents or parts bound
    /// with it) differs from its class: <see cref="Validation.Strict"/> refuses, <see cref="Validation.Warn"/> binds and
    /// logs each difference. The choice applies when the class is first bound in this schema; later calls return that handle.
    /// </summary>
    public T Table<T>(Validation validation) where T : UserTable, new() => SyncOrAsync.Wait(Bind<T>(validation, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Table{T}()"/>: declares what is missing and returns the bound handle.</summary>
    public Task<T> TableAsync<T>(CancellationToken ct = default) where T : UserTable, new() => TableAsync<T>(Validation.Strict, ct);

    /// <summary>Asynchronous <see cref="Table{T}(Validation)"/>.</summary>
    public async Task<T> TableAsync<T>(Validation validation, CancellationToken ct = default) where T : UserTable, new() =>
        await Bind<T>(validation, sync: false, ct).ConfigureAwait(false);

    private async ValueTask<T> Bind<T>(Validation validation, bool sync, CancellationToken cancellationToken) where T : UserTable, new()
    {
        if (_handles.TryGetValue(typeof(T), out var known)) return (T)known;
        var table = new T();
        table.Bind(this, await Declare(table.TableDefinition, validation, sync, cancellationToken).ConfigureAwait(false));
        if (table is Lookup lookup) await InsertContents(lookup, sync, cancellationToken).ConfigureAwait(false);
        // Two flows binding the same class at once get one handle.
        return (T)_handles.GetOrAdd(typeof(T), table);
    }

    /// <summary>Names of the tables in this schema (internal <c>~</c> tables excluded), parents first.</summary>
    public IReadOnlyList<string> ListTables() => SyncOrAsync.Wait(ListTablesCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ListTables"/>.</summary>
    public async Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken cancellationToken = default) =>
        await ListTablesCore(sync: false, cancellationToken).ConfigureAwait(false);

    internal async ValueTask<IReadOnlyList<string>> ListTablesCore(bool sync, CancellationToken cancellationToken) =>
        await UserTablesInOrder(await ReadTableNames(sync, cancellationToken).ConfigureAwait(false), sync, cancellationToken).ConfigureAwait(false);

    /// <summary>Every table name of the schema as the server lists them, internal <c>~</c> tables included.</summary>
    private async ValueTask<IReadOnlyList<string>> ReadTableNames(bool sync, CancellationToken cancellationToken) =>
        await SyncOrAsync.ReadAll(Connection, new SqlStatement(Connection.Adapter.ListTables, [Name]), $"Listing tables of `{Name}`",
            r => r.GetString(0), sync, cancellationToken).ConfigureAwait(false);

    /// <summary>The user tables among <paramref name="names"/> (internal <c>~</c> tables left out), parents first.</summary>
    private async ValueTask<IReadOnlyList<string>> UserTablesInOrder(IReadOnlyList<string> names, bool sync, CancellationToken cancellationToken)
    {
        var tables = names.Where(t => !t.StartsWith('~')).ToList();
        var graph = await DependencyGraph.LoadDownstream(Connection, Name, sync, cancellationToken).ConfigureAwait(false);
        return graph.TopologicalOrder(Name, tables);
    }

    /// <summary>
    /// Drops the schema and every table in it. With <see cref="Config.SafeMode"/> on and <paramref name="prompt"/>
    /// not false, asks <see cref="Config.Confirm"/> first and does nothing when refused.
    /// </summary>
    /// <returns>True when the schema was dropped.</returns>
    public bool Drop(bool? prompt = null) => SyncOrAsync.Wait(DropCore(prompt, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Drop"/>.</summary>
    public async Task<bool> DropAsync(bool? prompt = null, CancellationToken cancellationToken = default) =>
        await DropCore(prompt, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<bool> DropCore(bool? prompt, bool sync, CancellationToken cancellationToken)
    {
        if (!Confirmed(prompt)) return false;
        if (!Connection.Adapter.DropSchemaDropsTables) await DropTablesOneByOne(sync, cancellationToken).ConfigureAwait(false);
        await SyncOrAsync.Execute(Connection, new SqlStatement(Connection.Adapter.DropSchema(Name), []), $"Dropping schema `{Name}`", sync, cancellationToken)
            .ConfigureAwait(false);
        _declared.Clear();
        _handles.Clear();
        Connection.ForgetSchema(Name);
        Observed(exists: false);
        SchemaLog.SchemaDropped(SchemaLog.For(Connection.DataJointLoggers), Name, Connection.Description);
        return true;
    }

    /// <summary>Drops every table of the schema (internal ones too), each after the tables that reference it.</summary>
    private async ValueTask DropTablesOneByOne(bool sync, CancellationToken cancellationToken)
    {
        var names = await ReadTableNames(sync, cancellationToken).ConfigureAwait(false);
        var graph = await DependencyGraph.LoadDownstream(Connection, Name, sync, cancellationToken).ConfigureAwait(false);
        var ordered = graph.TopologicalOrder(Name, names).Reverse().ToList();
        ordered.AddRange(names.Except(ordered, StringComparer.Ordinal));
        foreach (var table in ordered)
        {
            var full = Connection.Adapter.QualifiedName(Name, table);
            await SyncOrAsync.Execute(Connection, new SqlStatement($"DROP TABLE IF EXISTS {full}", []), $"Dropping {full}", sync, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private bool Confirmed(bool? prompt)
    {
        var ask = prompt ?? Connection.Config.SafeMode;
        return !ask || Connection.Config.Confirm($"Drop schema `{Name}` and all its tables on the {Connection.Description}?");
    }

    /// <summary>The heading of a declared table bound in this schema.</summary>
    internal bool TryGetHeading(TableDefinition definition, out Heading heading) => _declared.TryGetValue(definition, out heading!);

    /// <summary>The schema a parent table lives in: this one if bound here, else an upstream schema that binds it, else this one.</summary>
    private Schema SchemaOf(TableDefinition parent)
    {
        if (_declared.ContainsKey(parent)) return this;
        foreach (var upstream in _upstream)
        {
            if (upstream.TryGetHeading(parent, out _)) return upstream;
        }

        return this;
    }

    internal async ValueTask<Heading> Declare(TableDefinition definition, Validation validation, bool sync, CancellationToken cancellationToken)
    {
        if (_declared.TryGetValue(definition, out var known)) return known;
        await SyncOrAsync.Wait(_declareLock, sync, cancellationToken).ConfigureAwait(false);
        try
        {
            // One declare span per binding that reaches the server (creating the table or checking an existing one).
            return await Telemetry.Traced(Telemetry.Declare, Connection, Connection.Adapter.QualifiedName(Name, definition.TableName),
                () => DeclareLocked(definition, [], validation, sync, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            _declareLock.Release();
        }
    }

    private async ValueTask<Heading> DeclareLocked(TableDefinition definition, HashSet<TableDefinition> inProgress, Validation validation, bool sync,
        CancellationToken cancellationToken)
    {
        if (_declared.TryGetValue(definition, out var known)) return known;
        if (!inProgress.Add(definition))
        {
            throw new DefinitionException($"Table {definition.ClassName} depends on itself through its foreign keys.");
        }

        var parentNames = new Dictionary<ForeignKeyDefinition, (Schema Schema, Heading Heading)>();
        foreach (var fk in definition.ForeignKeys)
        {
            var parentSchema = SchemaOf(fk.Parent);
            var parentHeading = parentSchema == this
                ? await DeclareLocked(fk.Parent, inProgress, validation, sync, cancellationToken).ConfigureAwait(false)
                : await parentSchema.Declare(fk.Parent, validation, sync, cancellationToken).ConfigureAwait(false);
            parentNames[fk] = (parentSchema, parentHeading);
        }

        var adapter = Connection.Adapter;
        if (definition.TableName.Length > adapter.MaxTableNameLength)
        {
            throw new DefinitionException($"Table name `{definition.TableName}` of {definition.ClassName} exceeds the max length of "
                + $"{adapter.MaxTableNameLength} on {adapter.Backend}.");
        }

        var exists = await TableExists(definition.TableName, sync, cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            if (!CreateTables)
            {
                throw new MissingTableException($"Table {adapter.QualifiedName(Name, definition.TableName)} ({definition.ClassName}) does not exist "
                    + "and this schema does not create tables (createTables: false).");
            }

            if (Connection.InTransaction)
            {
                throw new InvalidOperationException($"Cannot declare {definition.ClassName} inside a transaction. Bind tables before starting one.");
            }

            await ExecuteDeclaration(definition, adapter.DeclareTable(Name, Connection.Config.Codecs.ForDeclaration(definition),
                fk => adapter.QualifiedName(parentNames[fk].Schema.Name, fk.Parent.TableName)), sync, cancellationToken).ConfigureAwait(false);
            SchemaLog.TableDeclared(SchemaLog.For(Connection.DataJointLoggers), adapter.QualifiedName(Name, definition.TableName), definition.ClassName);

            // jobs.add_job_metadata is read at declaration time, as DataJoint does; populate fills the columns whenever they exist.
            if (definition.Tier is TableTier.Computed or TableTier.Imported && Connection.Config.Jobs.AddJobMetadata)
            {
                await SyncOrAsync.Execute(Connection, new SqlStatement(adapter.AddJobMetadataColumns(adapter.QualifiedName(Name, definition.TableName)), []),
                    $"Adding job metadata columns to {definition.ClassName}", sync, cancellationToken).ConfigureAwait(false);
            }
        }

        if (exists) await ValidateExisting(Connection.Config.Codecs.ForDeclaration(definition), validation, sync, cancellationToken).ConfigureAwait(false);
        var heading = BuildHeading(definition);
        // Rewritten on declaration and refreshed on binding (DataJoint's auto-heal), never inside a transaction: the
        // CREATE of a missing ~lineage table would commit it implicitly on MySQL.
        if (!Connection.InTransaction && (!exists
                || (CreateTables && await LineageTable.NeedsRefresh(Connection, Name, definition.TableName, heading, sync, cancellationToken).ConfigureAwait(false))))
        {
            await LineageTable.Write(Connection, Name, definition.TableName, heading, sync, cancellationToken).ConfigureAwait(false);
        }
        _declared[definition] = heading;
        inProgress.Remove(definition);
        // Parts are declared with their master; a part already being declared (it led here) finishes by itself.
        foreach (var part in definition.Parts.Where(p => !inProgress.Contains(p)))
        {
            await DeclareLocked(part, inProgress, validation, sync, cancellationToken).ConfigureAwait(false);
        }

        return heading;
    }

    /// <summary>
    /// The heading with each attribute's lineage as the generator resolved it (docs/semantics.md#lineage: inherited attributes
    /// carry their origin's, native primary-key attributes originate here, native secondary attributes have none),
    /// completed with the name of the schema the originating table is bound in.
    /// </summary>
    private Heading BuildHeading(TableDefinition definition)
    {
        var attributes = definition.Attributes.Select(a => new HeadingAttribute(a.Name, a.Type, a.InKey, a.Nullable, a.DefaultValue, a.Comment,
            a.Lineage is { } lineage ? LineageOf(lineage) : null)).ToList();
        return new Heading(attributes);

        string LineageOf(AttributeLineage lineage) => lineage.Origin is { } origin
            ? $"{BindingSchemaOf(origin)?.Name ?? Name}.{origin.TableName}.{lineage.Attribute}"
            : $"{Name}.{definition.TableName}.{lineage.Attribute}";
    }

    /// <summary>The schema that binds <paramref name="table"/>: this one, or one upstream (transitively); null when none does.</summary>
    private Schema? BindingSchemaOf(TableDefinition table)
    {
        if (_declared.ContainsKey(table)) return this;
        foreach (var upstream in _upstream)
        {
            if (upstream.BindingSchemaOf(table) is { } found) return found;
        }

        return null;
    }

    private static async ValueTask InsertContents(Lookup lookup, bool sync, CancellationToken cancellationToken)
    {
        var contents = lookup.DeclaredContents.ToList();
        if (contents.Count == 0) return;
        if (sync)
        {
            if (lookup.Count() < contents.Count) lookup.Insert(contents, skipDuplicates: true);
        }
        else if (await lookup.CountAsync(cancellationToken).ConfigureAwait(false) < contents.Count)
        {
            await lookup.InsertAsync(contents, skipDuplicates: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
