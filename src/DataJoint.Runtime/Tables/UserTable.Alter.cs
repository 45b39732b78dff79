namespace DataJoint;

public abstract partial class UserTable
{
    /// <summary>
    /// Brings the existing table in line with this class (DataJoint's <c>alter</c>, docs/existing-schemas.md#alter): secondary
    /// attributes added, dropped, changed in type, default, nullability or comment, renamed when named in
    /// <paramref name="renames"/> (new name → old name; never guessed), and the table comment. With
    /// <see cref="Config.SafeMode"/> on and <paramref name="prompt"/> not false, shows the statements and asks first. Bind the
    /// class with <see cref="Validation.Warn"/> to reach a table that differs from it.
    /// </summary>
    /// <returns>True when the table was altered; false when nothing differs or the prompt was refused.</returns>
    /// <exception cref="DefinitionException">The primary key, foreign keys or indexes differ, an add and a drop are not named as a
    /// rename, or the codec of an attribute changes (to, from or between codecs) while the table has rows, whose stored values
    /// would not be re-encoded.</exception>
    /// <exception cref="InvalidOperationException">Called inside a transaction.</exception>
    public bool Alter(bool? prompt = null, IReadOnlyDictionary<string, string>? renames = null) =>
        SyncOrAsync.Wait(AlterCore(prompt, renames, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Alter"/>.</summary>
    public async Task<bool> AlterAsync(bool? prompt = null, IReadOnlyDictionary<string, string>? renames = null, CancellationToken cancellationToken = default) =>
        await AlterCore(prompt, renames, sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>The statements <see cref="Alter"/> would run, without running them (empty when nothing differs).</summary>
    /// <exception cref="DefinitionException">As <see cref="Alter"/>.</exception>
    public IReadOnlyList<string> AlterStatements(IReadOnlyDictionary<string, string>? renames = null) =>
        SyncOrAsync.Wait(PlanAlter(renames, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="AlterStatements"/>.</summary>
    public async Task<IReadOnlyList<string>> AlterStatementsAsync(IReadOnlyDictionary<string, string>? renames = null, CancellationToken cancellationToken = default) =>
        await PlanAlter(renames, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<IReadOnlyList<string>> PlanAlter(IReadOnlyDictionary<string, string>? renames, bool sync, CancellationToken cancellationToken)
    {
        var existing = await ExistingTable.Read(Connection, Schema.Name, SqlTableName, sync, cancellationToken).ConfigureAwait(false);
        // Custom codec attributes are declared by the column their chain ends in, as when the table was declared.
        var definition = Connection.Config.Codecs.ForDeclaration(TableDefinition);
        var changes = TableAlteration.Plan(definition, existing, Connection.Adapter, Schema.Name, renames);
        if (TableAlteration.CodecChanges(changes, existing) is { Count: > 0 } recoded
            && await ExistsCore(sync, cancellationToken).ConfigureAwait(false))
        {
            throw TableAlteration.CodecChangeRefused(Connection.Adapter.QualifiedName(Schema.Name, SqlTableName), definition.ClassName, recoded);
        }

        return changes.Count == 0 ? [] : Connection.Adapter.AlterTable(Schema.Name, SqlTableName, changes);
    }

    private async ValueTask<bool> AlterCore(bool? prompt, IReadOnlyDictionary<string, string>? renames, bool sync, CancellationToken cancellationToken)
    {
        // DDL commits an open transaction implicitly on MySQL, as DataJoint warns.
        if (Connection.InTransaction)
        {
            throw new InvalidOperationException($"Cannot alter {FullTableName} inside a transaction (e.g. from a make). Alter before starting one.");
        }

        var statements = await PlanAlter(renames, sync, cancellationToken).ConfigureAwait(false);
        if (statements.Count == 0) return false;
        var ask = prompt ?? Connection.Config.SafeMode;
        if (ask && !Connection.Config.Confirm($"Alter {FullTableName} to match {TableDefinition.ClassName}:\n{string.Join(";\n", statements)}\n\nExecute?"))
        {
            return false;
        }

        var context = $"Altering {FullTableName}";
        await SyncOrAsync.ExecuteAsUnit(Connection, statements, context, sync, cancellationToken).ConfigureAwait(false);
        Connection.ForgetTable(Schema.Name, SqlTableName);
        SchemaLog.TableAltered(SchemaLog.For(Connection.DataJointLoggers), FullTableName, TableDefinition.ClassName, string.Join("; ", statements));
        return true;
    }
}
