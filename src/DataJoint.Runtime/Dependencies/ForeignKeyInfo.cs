namespace DataJoint;

/// <summary>
/// One foreign key between two tables as the database declares it (DataJoint's <c>foreign_key_info</c>): which child
/// attribute refers to which parent attribute, and how the key relates to the child's primary key.
/// </summary>
/// <param name="Child">The referencing table.</param>
/// <param name="Parent">The referenced table.</param>
/// <param name="AttributeMap">Child attribute → parent attribute, in key order.</param>
/// <param name="Primary">True when every foreign-key attribute is in the child's primary key.</param>
/// <param name="Aliased">True when some attribute is renamed (<c>-&gt; Parent.proj(new='old')</c>).</param>
/// <param name="Multi">True when the foreign-key attributes are not exactly the child's primary key, so one parent
/// row can have many child rows.</param>
public sealed record ForeignKeyInfo(FreeTable Child, FreeTable Parent, IReadOnlyList<KeyValuePair<string, string>> AttributeMap,
    bool Primary, bool Aliased, bool Multi);
