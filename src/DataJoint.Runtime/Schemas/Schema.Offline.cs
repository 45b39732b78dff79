namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>
    /// A schema handle that never talks to a server: its tables are bound from their generated definitions only, so query
    /// expressions over them render SQL (<see cref="QueryExpression.Sql"/>) for <paramref name="backend"/> offline. Running
    /// a statement on it fails to connect.
    /// </summary>
    internal static Schema Offline(Backend backend, string name)
    {
        var config = new Config();
        config.Database.Backend = backend;
        config.Database.Host = "offline.invalid";
        config.Database.User = "offline";
        return new Schema(new Connection(config), name, createTables: false);
    }

    /// <summary>
    /// Binds <typeparamref name="T"/> (and the parents and parts it declares with) from the generated definition, without
    /// declaring, validating or writing lineage: the heading and lineage are what <see cref="Table{T}()"/> would bind.
    /// </summary>
    internal T BindOffline<T>() where T : UserTable, new()
    {
        if (_handles.TryGetValue(typeof(T), out var known)) return (T)known;
        var table = new T();
        table.Bind(this, DefineOffline(table.TableDefinition));
        return (T)_handles.GetOrAdd(typeof(T), table);
    }

    private Heading DefineOffline(TableDefinition definition)
    {
        if (_declared.TryGetValue(definition, out var known)) return known;
        foreach (var fk in definition.ForeignKeys) DefineOffline(fk.Parent);
        var heading = BuildHeading(definition);
        _declared[definition] = heading;
        return heading;
    }
}
