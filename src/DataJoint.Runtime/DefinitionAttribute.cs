namespace DataJoint;

/// <summary>
/// Declares a DataJoint table. Put it on a <c>partial class</c> deriving from a tier
/// (<see cref="Manual"/>, <see cref="Lookup"/>, <see cref="Imported"/>, <see cref="Computed"/>, <see cref="Part"/>);
/// the source generator parses the definition at compile time and emits the typed members
/// (<c>Row</c>, <c>Key</c>, <c>Attributes</c>, <c>TableName</c>, <c>Definition</c>, typed fetch/insert).
/// </summary>
/// <remarks>
/// <para>The definition language (one item per line):</para>
/// <code>
/// # Table comment (optional, first line)
/// subject_id : int32              # primary-key attribute (above the divider)
/// -> Parent                       # foreign key: inherits Parent's primary key
/// ---                             # divider: below are secondary attributes
/// species : varchar(32)           # name : type  # comment
/// weight = null : float64         # "= null" makes the attribute nullable
/// sex = "U" : enum('F', 'M', 'U') # default value
/// -> [nullable] Lab.Person        # options: nullable, unique; qualified names work
/// -> Person.proj(owner_id='person_id')   # renamed foreign key
/// unique index (species, weight)  # index / unique index
/// </code>
/// <para>Core types: int8, int16, int32, int64, float32, float64, decimal(p,s), bool, char(n), varchar(n),
/// enum('a', ...), date, datetime[(n)], json, uuid, bytes. Codecs are written <c>&lt;name&gt;</c> or
/// <c>&lt;name@store&gt;</c>: <c>&lt;blob&gt;</c> holds any value in DataJoint's blob format (arrays, strings, numbers,
/// lists, dictionaries; the row property is <c>object</c>, serialized with <see cref="Blob"/>); other codecs are kept as raw
/// bytes. Native SQL types pass through with a warning.</para>
/// <para>In a <see cref="Part"/> table, <c>-> master</c> refers to the enclosing table.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class DefinitionAttribute : Attribute
{
    /// <summary>Declares the table with its DataJoint definition.</summary>
    public DefinitionAttribute(string definition) => Text = definition;

    /// <summary>The definition text as written.</summary>
    public string Text { get; }
}
