namespace DataJoint;

public sealed partial class Schema
{
    /// <summary>Forgets a dropped table, so binding its class again declares it anew.</summary>
    internal void Forget(string tableName)
    {
        foreach (var definition in _declared.Keys.Where(d => d.TableName == tableName).ToList()) _declared.TryRemove(definition, out _);
        foreach (var (type, handle) in _handles.Where(h => h.Value.SqlTableName == tableName).ToList()) _handles.TryRemove(type, out _);
    }
}
